package dev.integrations.persistence;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.HealthState;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.HealthStore;
import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.TimeColumns;
import dev.integrations.persistence.internal.WebhookOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A {@link HealthStore} in the {@code connection_health} table. {@link #claimDue} is one short
 * transaction: {@code SELECT ... FOR UPDATE SKIP LOCKED} of the due rows nobody has claimed, then
 * an {@code UPDATE} of their {@code claimed_until}; servers sharing a PostgreSQL database therefore
 * never claim one connection twice, and none waits for another's locks. Claims are timed by the
 * callers' clocks, which should agree to well within a claim's length. Thread-safe.
 */
final class JdbiHealthStore implements HealthStore {
  static final String COLUMNS =
      "user_id, integration_type, connected_at, state, failure_count, first_failure, last_success,"
          + " last_failure, last_error, last_error_message, next_check";
  private static final String ROW = " WHERE user_id = :user AND integration_type = :type";

  private final Jdbi jdbi;
  private final WebhookOutbox outbox;

  JdbiHealthStore(Jdbi jdbi) {
    this(jdbi, WebhookOutbox.to(null));
  }

  /** Like {@link #JdbiHealthStore(Jdbi)}, appending transitions' deliveries to {@code outbox}. */
  JdbiHealthStore(Jdbi jdbi, WebhookOutbox outbox) {
    this.jdbi = jdbi;
    this.outbox = outbox;
  }

  /** Whether this store keeps its rows through {@code other}: in the same database. */
  boolean uses(Jdbi other) {
    return jdbi == other;
  }

  @Override
  public Optional<ConnectionHealth> find(UserId user, IntegrationType type) {
    return StorageErrors.call(
        "read a connection's health",
        () ->
            jdbi.withHandle(
                h ->
                    h.createQuery("SELECT " + COLUMNS + " FROM connection_health" + ROW)
                        .bind("user", user.value())
                        .bind("type", type.value())
                        .map(JdbiHealthStore::read)
                        .findOne()));
  }

  @Override
  public List<ConnectionHealth> findAll(UserId user) {
    return StorageErrors.call(
        "read connections' health",
        () ->
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT " + COLUMNS + " FROM connection_health WHERE user_id = :user")
                        .bind("user", user.value())
                        .map(JdbiHealthStore::read)
                        .list()));
  }

  @Override
  public void save(ConnectionHealth health) {
    StorageErrors.upsert(
        "save a connection's health", () -> jdbi.withHandle(h -> upsert(h, health)));
  }

  /** Saves {@code health} and, in the same transaction, the webhook delivery of {@code event}. */
  @Override
  public void save(ConnectionHealth health, ConnectionEvent event) {
    if (!outbox.enabled()) {
      save(health);
      return;
    }
    StorageErrors.upsert(
        "save a connection's health",
        () ->
            jdbi.inTransaction(
                h -> {
                  int updated = upsert(h, health);
                  outbox.append(h, event, true, ConnectionStatus.CONNECTED.wireName());
                  return updated;
                }));
  }

  private static int upsert(Handle h, ConnectionHealth health) {
    int updated =
        bindHealth(
                h.createUpdate(
                    "UPDATE connection_health SET connected_at = :connectedAt, state = :state,"
                        + " failure_count = :failureCount, first_failure = :firstFailure, last_success = :lastSuccess,"
                        + " last_failure = :lastFailure, last_error = :lastError, last_error_message = :lastErrorMessage"
                        + ROW),
                health)
            .execute();
    if (updated == 0) {
      bindHealth(
              h.createUpdate(
                  "INSERT INTO connection_health ("
                      + COLUMNS
                      + ") VALUES (:user, :type, :connectedAt, :state,"
                      + " :failureCount, :firstFailure, :lastSuccess, :lastFailure, :lastError, :lastErrorMessage,"
                      + " :nextCheck)"),
              health)
          .bind("nextCheck", health.nextCheck() == null ? Instant.now() : health.nextCheck())
          .execute();
    }
    return updated;
  }

  private static org.jdbi.v3.core.statement.Update bindHealth(
      org.jdbi.v3.core.statement.Update update, ConnectionHealth health) {
    return update
        .bind("user", health.user().value())
        .bind("type", health.type().value())
        .bind("connectedAt", health.connectedAt())
        .bind("state", health.state().wireName())
        .bind("failureCount", health.failureCount())
        .bind("firstFailure", health.firstFailure())
        .bind("lastSuccess", health.lastSuccess())
        .bind("lastFailure", health.lastFailure())
        .bind("lastError", health.lastError() == null ? null : health.lastError().wireName())
        .bind("lastErrorMessage", health.lastErrorMessage());
  }

  @Override
  public List<ConnectionHealth> claimDue(Instant now, Instant claimedUntil, int limit) {
    return StorageErrors.call(
        "claim connections for maintenance",
        () ->
            jdbi.inTransaction(
                h -> {
                  List<ConnectionHealth> due =
                      h.createQuery(
                              "SELECT "
                                  + COLUMNS
                                  + " FROM connection_health"
                                  + " WHERE next_check <= :now AND (claimed_until IS NULL OR claimed_until <= :now)"
                                  + " ORDER BY next_check LIMIT :limit FOR UPDATE SKIP LOCKED")
                          .bind("now", now)
                          .bind("limit", limit)
                          .map(JdbiHealthStore::read)
                          .list();
                  if (!due.isEmpty()) {
                    claim(h, due, claimedUntil);
                  }
                  return due;
                }));
  }

  private static void claim(Handle h, List<ConnectionHealth> due, Instant claimedUntil) {
    PreparedBatch batch =
        h.prepareBatch("UPDATE connection_health SET claimed_until = :until" + ROW);
    for (ConnectionHealth health : due) {
      batch
          .bind("until", claimedUntil)
          .bind("user", health.user().value())
          .bind("type", health.type().value())
          .add();
    }
    batch.execute();
  }

  @Override
  public void release(UserId user, IntegrationType type, Instant nextCheck) {
    StorageErrors.call(
        "schedule a connection's next check",
        () ->
            jdbi.withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE connection_health SET next_check = :next, claimed_until = NULL"
                                + ROW)
                        .bind("next", nextCheck)
                        .bind("user", user.value())
                        .bind("type", type.value())
                        .execute()));
  }

  @Override
  public boolean delete(UserId user, IntegrationType type) {
    return StorageErrors.call(
        "delete a connection's health",
        () ->
            jdbi.withHandle(
                    h ->
                        h.createUpdate("DELETE FROM connection_health" + ROW)
                            .bind("user", user.value())
                            .bind("type", type.value())
                            .execute())
                == 1);
  }

  private static ConnectionHealth read(ResultSet rs, StatementContext ctx) throws SQLException {
    return read(rs, 1);
  }

  /**
   * The health whose columns, in {@link #COLUMNS}'s order, start at column {@code first} (every
   * query selects them so).
   */
  static ConnectionHealth read(ResultSet rs, int first) throws SQLException {
    String error = rs.getString(first + 8);
    return new ConnectionHealth(
        UserId.of(rs.getString(first)),
        IntegrationType.of(rs.getString(first + 1)),
        TimeColumns.read(rs, first + 2),
        HealthState.of(rs.getString(first + 3)),
        rs.getInt(first + 4),
        TimeColumns.read(rs, first + 5),
        TimeColumns.read(rs, first + 6),
        TimeColumns.read(rs, first + 7),
        error == null ? null : errorCode(error),
        rs.getString(first + 9),
        TimeColumns.read(rs, first + 10));
  }

  private static ErrorCode errorCode(String wireName) {
    return ErrorCode.ofWireName(wireName)
        .orElseThrow(
            () -> new StorageException("A stored health has an unknown error code: " + wireName));
  }
}
