package dev.integrations.core.memory;

import dev.integrations.core.model.Connection;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.ConnectionStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ConnectionStore} in this process's memory, for tests and throw-away set-ups.
 * Thread-safe.
 */
public final class InMemoryConnectionStore implements ConnectionStore {
  private final ConcurrentMap<UserId, ConcurrentMap<IntegrationType, Connection>> byUser =
      new ConcurrentHashMap<>();

  @Override
  public Optional<Connection> find(UserId user, IntegrationType type) {
    return Optional.ofNullable(byUser.getOrDefault(user, new ConcurrentHashMap<>()).get(type));
  }

  @Override
  public List<Connection> findAll(UserId user) {
    return List.copyOf(byUser.getOrDefault(user, new ConcurrentHashMap<>()).values());
  }

  @Override
  public void save(Connection connection) {
    byUser
        .computeIfAbsent(connection.user(), u -> new ConcurrentHashMap<>())
        .put(connection.type(), connection);
  }

  @Override
  public boolean update(Connection connection) {
    ConcurrentMap<IntegrationType, Connection> mine = byUser.get(connection.user());
    if (mine == null) {
      return false;
    }
    boolean[] replaced = {false};
    mine.computeIfPresent(
        connection.type(),
        (type, stored) -> {
          if (!Objects.equals(stored.connectedAt(), connection.connectedAt())) {
            return stored;
          }
          replaced[0] = true;
          return connection;
        });
    return replaced[0];
  }

  @Override
  public boolean delete(UserId user, IntegrationType type) {
    ConcurrentMap<IntegrationType, Connection> mine = byUser.get(user);
    return mine != null && mine.remove(type) != null;
  }
}
