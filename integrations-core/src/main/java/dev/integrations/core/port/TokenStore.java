package dev.integrations.core.port;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.util.Optional;

/**
 * Keeps each connection's credentials, encrypted at rest by the adapter, with a version for
 * compare-and-set so that two writers (threads or processes) can never silently lose an update.
 *
 * <p>Versions: every write of a row gives it a version greater than the one it had, and a version
 * is never handed out twice for the same connection, not even after the row was deleted and created
 * again. A compare-and-set that names a version read before a disconnect and reconnect therefore
 * fails instead of overwriting the new grant. Adapters meet this by starting each new row at a
 * random version below 2<sup>62</sup> and adding one on every write; versions are otherwise opaque
 * (callers compare them for equality only).
 *
 * <p>Implementations are thread-safe, and safe to share between processes through their database. A
 * write that returned has been made durable.
 */
public interface TokenStore {

  /** The credentials of a connection, if any. */
  Optional<StoredCredentials> find(UserId user, IntegrationType type);

  /**
   * Stores the credentials of a new grant, replacing whatever the connection had. A replaced row
   * moves to a greater version; a new row starts at a version no earlier row of the connection had.
   *
   * @return what is now stored, with its new version
   */
  StoredCredentials put(UserId user, IntegrationType type, Credentials credentials);

  /**
   * Replaces the credentials only if the stored version is still {@code expectedVersion}; the row
   * then moves to a greater version.
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
