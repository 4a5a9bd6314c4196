package dev.integrations.core.memory;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link TokenStore} in this process's memory, for tests and throw-away set-ups. Nothing survives
 * a restart and nothing is shared with other processes. Thread-safe.
 */
public final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentMap<Key, StoredCredentials> rows = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredCredentials> find(UserId user, IntegrationType type) {
    return Optional.ofNullable(rows.get(new Key(user, type)));
  }

  @Override
  public StoredCredentials put(UserId user, IntegrationType type, Credentials credentials) {
    return rows.merge(
        new Key(user, type),
        new StoredCredentials(credentials, StoredCredentials.firstVersion()),
        (old, fresh) -> new StoredCredentials(credentials, old.version() + 1));
  }

  @Override
  public boolean compareAndSet(
      UserId user, IntegrationType type, long expectedVersion, Credentials next) {
    boolean[] written = {false};
    rows.computeIfPresent(
        new Key(user, type),
        (key, current) -> {
          if (current.version() != expectedVersion) {
            return current;
          }
          written[0] = true;
          return new StoredCredentials(next, expectedVersion + 1);
        });
    return written[0];
  }

  @Override
  public boolean delete(UserId user, IntegrationType type) {
    return rows.remove(new Key(user, type)) != null;
  }

  private record Key(UserId user, IntegrationType type) {}
}
