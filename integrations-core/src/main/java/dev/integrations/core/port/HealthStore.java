package dev.integrations.core.port;

import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each connection's {@link ConnectionHealth} and the background maintenance's schedule of it:
 * when it is next due, and which process has claimed it. Processes sharing the store claim due
 * connections with {@link #claimDue}, each connection by one process at a time.
 *
 * <p>Implementations are thread-safe and, through their database, shared between processes; no call
 * holds a transaction or a database connection after it returned.
 */
public interface HealthStore {

  /** The health of the user's connection to {@code type}, if one was recorded. */
  Optional<ConnectionHealth> find(UserId user, IntegrationType type);

  /** The recorded health of all of a user's connections, in no particular order. */
  List<ConnectionHealth> findAll(UserId user);

  /**
   * Inserts or replaces the health fields of {@code health}'s connection. The schedule is left as
   * it is; a new row is due at {@code health.nextCheck()} (now, when null).
   */
  void save(ConnectionHealth health);

  /**
   * Saves {@code health} as {@link #save(ConnectionHealth)} does and records {@code event}, the
   * transition it makes ({@code connection.recovered}, {@code connection.refresh_failed}), with it:
   * a store with a webhook outbox writes the event's delivery in the same transaction, so it is
   * announced exactly when the health it reports was kept. The default only saves.
   */
  default void save(ConnectionHealth health, ConnectionEvent event) {
    save(health);
  }

  /**
   * Claims at most {@code limit} connections due at {@code now} (next check at or before it) that
   * nobody holds a claim on, holding each until {@code claimedUntil} or its {@link #release}. Two
   * callers, in one process or two, never get the same connection while a claim holds.
   *
   * @return the claimed connections' health, soonest due first
   */
  List<ConnectionHealth> claimDue(Instant now, Instant claimedUntil, int limit);

  /**
   * Ends the claim on the connection, if any, and schedules its next check at {@code nextCheck}.
   */
  void release(UserId user, IntegrationType type, Instant nextCheck);

  /**
   * Forgets the connection's health and schedule.
   *
   * @return whether there was any
   */
  boolean delete(UserId user, IntegrationType type);
}
