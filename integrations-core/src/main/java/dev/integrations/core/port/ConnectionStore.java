package dev.integrations.core.port;

import dev.integrations.core.model.Connection;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the status of each connection (never its credentials: see {@link TokenStore}).
 *
 * <p>Implementations are thread-safe; a write that returned has been made durable.
 */
public interface ConnectionStore {

  /** The user's connection to one integration, if any was ever saved and not deleted. */
  Optional<Connection> find(UserId user, IntegrationType type);

  /** All of a user's saved connections, in no particular order. */
  List<Connection> findAll(UserId user);

  /**
   * Inserts or replaces the connection of {@code connection.user()} to {@code connection.type()}: what a
   * completed connect writes.
   */
  void save(Connection connection);

  /**
   * Replaces the stored connection of {@code connection.user()} to {@code connection.type()}, but only
   * while it is the same connection: one stored with the same {@code connectedAt}. Never creates a
   * connection, so a status write that finishes after a disconnect cannot bring it back, and one that
   * finishes after a new connect cannot overwrite it.
   *
   * @return whether the stored connection was replaced
   */
  boolean update(Connection connection);

  /**
   * Removes the connection.
   *
   * @return whether there was one
   */
  boolean delete(UserId user, IntegrationType type);
}
