package dev.integrations.core.port;

import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionOverview;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the status of each connection (never its credentials: see {@link TokenStore}).
 *
 * <p>Implementations are thread-safe; a write that returned has been made durable.
 *
 * <p>The writes that take a {@link ConnectionEvent} record it with the change: a store that keeps
 * an outbox (the JDBI store, when webhooks are configured) appends the event in the same database
 * transaction as the change, so an event is kept exactly when its change is. A store without an
 * outbox (the in-memory one, the defaults below) just makes the change; the event still reaches the
 * in-process listeners, which the caller tells after the write returned.
 */
public interface ConnectionStore {

  /** The user's connection to one integration, if any was ever saved and not deleted. */
  Optional<Connection> find(UserId user, IntegrationType type);

  /** All of a user's saved connections, in no particular order. */
  List<Connection> findAll(UserId user);

  /**
   * All of a user's saved connections, in no particular order, each with the health {@code health}
   * records about it and its calls in {@code usage} since {@code usageSince}: what the list of
   * integrations shows. This default reads the three stores in turn; the JDBI store, given the
   * health and usage stores of its own database, reads all three in one query.
   */
  default List<ConnectionOverview> overview(
      UserId user, HealthStore health, UsageStore usage, Instant usageSince) {
    List<Connection> mine = findAll(user);
    if (mine.isEmpty()) {
      return List.of();
    }
    Map<IntegrationType, ConnectionHealth> recorded = new HashMap<>();
    for (ConnectionHealth h : health.findAll(user)) {
      recorded.put(h.type(), h);
    }
    Map<IntegrationType, UsageCount> counts = usage.totalsSince(user, usageSince);
    List<ConnectionOverview> overview = new ArrayList<>(mine.size());
    for (Connection connection : mine) {
      overview.add(
          new ConnectionOverview(
              connection,
              recorded.get(connection.type()),
              counts.getOrDefault(connection.type(), UsageCount.NONE)));
    }
    return overview;
  }

  /**
   * Inserts or replaces the connection of {@code connection.user()} to {@code connection.type()}:
   * what a completed connect writes.
   */
  void save(Connection connection);

  /**
   * Replaces the stored connection of {@code connection.user()} to {@code connection.type()}, but
   * only while it is the same connection: one stored with the same {@code connectedAt}. Never
   * creates a connection, so a status write that finishes after a disconnect cannot bring it back,
   * and one that finishes after a new connect cannot overwrite it.
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

  /**
   * Like {@link #save(Connection)}, recording {@code event} with the change (see the type's
   * Javadoc).
   */
  default void save(Connection connection, ConnectionEvent event) {
    save(connection);
  }

  /**
   * Like {@link #update(Connection)}, recording {@code event} with the change (see the type's
   * Javadoc) only when the connection was replaced.
   */
  default boolean update(Connection connection, ConnectionEvent event) {
    return update(connection);
  }

  /**
   * Like {@link #delete(UserId, IntegrationType)}, recording {@code event} with the change (see the
   * type's Javadoc); the event is recorded even when there was no connection row (credentials alone
   * were deleted), since the caller reports a disconnect then too.
   */
  default boolean delete(UserId user, IntegrationType type, ConnectionEvent event) {
    return delete(user, type);
  }
}
