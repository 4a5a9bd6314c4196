package dev.integrations.core.port;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.util.Optional;

/**
 * Keeps each connection's credentials, encrypted at rest by the adapter, with a version for
 * compare-and-set so that two writers (threads or processes) can never silently lose an update.
 *
 * <p>Implementations are thread-safe, and safe to share between processes through their database. A
 * write that returned has been made durable.
 */
public interface TokenStore {

  /** The credentials of a connection, if any. */
  Optional<StoredCredentials> find(UserId user, IntegrationType type);

  /**
   * Stores the credentials of a new grant, replacing whatever the connection had.
   *
   * @return what is now stored, with its new version
   */
  StoredCredentials put(UserId user, IntegrationType type, Credentials credentials);

  /**
   * Replaces the credentials only if the stored version is still {@code expectedVersion}; the new
   * version is then {@code expectedVersion + 1}.
   *
   * @return whether the write happened (false: another writer came first, or the row is gone)
   */
  boolean compareAndSet(UserId user, IntegrationType type, long expectedVersion, Credentials next);

  /**
   * Removes the credentials.
   *
   * @return whether there were any
   */
  boolean delete(UserId user, IntegrationType type);
}
