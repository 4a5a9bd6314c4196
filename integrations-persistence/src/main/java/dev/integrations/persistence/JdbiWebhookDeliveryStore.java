package dev.integrations.persistence;

import dev.integrations.core.model.WebhookDelivery;
import dev.integrations.core.port.WebhookDeliveryStore;
import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.TimeColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link WebhookDeliveryStore} in the {@code webhook_deliveries} table. A claim is one short
 * transaction: on PostgreSQL it selects due rows {@code FOR UPDATE SKIP LOCKED}, so servers
 * claiming at once take different rows instead of queueing; on both databases each row is then
 * taken by an {@code UPDATE} that succeeds only while the row is pending and its lease is free
 * (judged by the database's clock), so two claimers never hold one row. Outcomes are recorded only
 * by the lease's holder. Thread-safe.
 */
final class JdbiWebhookDeliveryStore implements WebhookDeliveryStore {
  private static final String COLUMNS =
      "id, endpoint, event_type, payload, status, attempts, next_attempt_at, last_status, last_answer, created_at";
  private static final String AFTER_MILLIS =
      "CURRENT_TIMESTAMP + CAST(:millis AS BIGINT) * INTERVAL '0.001' SECOND";
  private static final String DUE =
      " FROM webhook_deliveries WHERE endpoint = :endpoint AND status = 'pending'"
          + " AND next_attempt_at <= CURRENT_TIMESTAMP"
          + " AND (lease_until IS NULL OR lease_until <= CURRENT_TIMESTAMP)";
  private static final String HELD =
      " WHERE id = :id AND lease_holder = :holder AND status = 'pending'";
  private static final int MAX_ANSWER = 500;

  private final Jdbi jdbi;
  private final boolean skipLocked;

  JdbiWebhookDeliveryStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.skipLocked =
        StorageErrors.call(
            "read the database kind", () -> jdbi.withHandle(JdbiWebhookDeliveryStore::isPostgres));
  }

  private static boolean isPostgres(Handle handle) {
    try {
      return handle
          .getConnection()
          .getMetaData()
          .getDatabaseProductName()
          .toLowerCase(Locale.ROOT)
          .contains("postgres");
    } catch (SQLException e) {
      throw new org.jdbi.v3.core.ConnectionException(e);
    }
  }

  @Override
  public List<WebhookDelivery> claimDue(String endpoint, String holder, Duration lease, int limit) {
    return StorageErrors.call(
        "claim webhook deliveries",
        () ->
            jdbi.inTransaction(
                handle -> {
                  handle
                      .createUpdate(
                          "UPDATE webhook_deliveries SET status = 'disabled' WHERE status = 'pending'"
                              + " AND endpoint IN (SELECT endpoint FROM webhook_disabled_endpoints)")
                      .execute();
                  List<String> candidates =
                      handle
                          .createQuery(
                              "SELECT id"
                                  + DUE
                                  + " ORDER BY next_attempt_at, created_at LIMIT :limit"
                                  + (skipLocked ? " FOR UPDATE SKIP LOCKED" : ""))
                          .bind("endpoint", endpoint)
                          .bind("limit", limit)
                          .mapTo(String.class)
                          .list();
                  List<WebhookDelivery> claimed = new ArrayList<>(candidates.size());
                  for (String id : candidates) {
                    int taken =
                        handle
                            .createUpdate(
                                "UPDATE webhook_deliveries SET lease_holder = :holder, lease_until = "
                                    + AFTER_MILLIS.replace(":millis", ":lease")
                                    + " WHERE id = :id AND status = 'pending'"
                                    + " AND (lease_until IS NULL OR lease_until <= CURRENT_TIMESTAMP)")
                            .bind("holder", holder)
                            .bind("lease", Math.max(1, lease.toMillis()))
                            .bind("id", id)
                            .execute();
                    if (taken == 1) {
                      claimed.add(find(handle, id).orElseThrow());
                    }
                  }
                  return claimed;
                }));
  }

  @Override
  public boolean delivered(String id, String holder, int status, String answer) {
    return finish(
        id,
        holder,
        "UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1,"
            + " last_status = :status, last_answer = :answer, lease_holder = NULL, lease_until = NULL,"
            + " finished_at = CURRENT_TIMESTAMP"
            + HELD,
        status,
        answer,
        Duration.ZERO);
  }

  @Override
  public boolean retryAfter(
      String id, String holder, Integer status, String answer, Duration delay) {
    return finish(
        id,
        holder,
        "UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = :status,"
            + " last_answer = :answer, lease_holder = NULL, lease_until = NULL, next_attempt_at = "
            + AFTER_MILLIS
            + HELD,
        status,
        answer,
        delay);
  }

  @Override
  public boolean gaveUp(String id, String holder, Integer status, String answer) {
    return finish(
        id,
        holder,
        "UPDATE webhook_deliveries SET status = 'failed', attempts = attempts + 1,"
            + " last_status = :status, last_answer = :answer, lease_holder = NULL, lease_until = NULL,"
            + " finished_at = CURRENT_TIMESTAMP"
            + HELD,
        status,
        answer,
        Duration.ZERO);
  }

  private boolean finish(
      String id, String holder, String sql, Integer status, String answer, Duration delay) {
    return StorageErrors.call(
        "record a webhook delivery",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                            .createUpdate(sql)
                            .bind("id", id)
                            .bind("holder", holder)
                            .bind("status", status)
                            .bind("answer", shorten(answer))
                            .bind("millis", delay.toMillis())
                            .execute()
                        == 1));
  }

  @Override
  public void disableEndpoint(String id, String endpoint, int status, String answer) {
    StorageErrors.call(
        "disable a webhook endpoint",
        () ->
            jdbi.inTransaction(
                handle -> {
                  boolean known =
                      handle
                              .createQuery(
                                  "SELECT COUNT(*) FROM webhook_disabled_endpoints WHERE endpoint = :e")
                              .bind("e", endpoint)
                              .mapTo(Long.class)
                              .one()
                          > 0;
                  if (!known) {
                    handle
                        .createUpdate(
                            "INSERT INTO webhook_disabled_endpoints (endpoint, disabled_at, reason)"
                                + " VALUES (:e, CURRENT_TIMESTAMP, :reason)")
                        .bind("e", endpoint)
                        .bind("reason", shorten(answer))
                        .execute();
                  }
                  handle
                      .createUpdate(
                          "UPDATE webhook_deliveries SET status = 'disabled', attempts = attempts + 1,"
                              + " last_status = :status, last_answer = :answer, lease_holder = NULL, lease_until = NULL,"
                              + " finished_at = CURRENT_TIMESTAMP WHERE id = :id")
                      .bind("id", id)
                      .bind("status", status)
                      .bind("answer", shorten(answer))
                      .execute();
                  handle
                      .createUpdate(
                          "UPDATE webhook_deliveries SET status = 'disabled' WHERE endpoint = :e AND status = 'pending'")
                      .bind("e", endpoint)
                      .execute();
                  return null;
                }));
  }

  @Override
  public List<WebhookDelivery> recent(int limit) {
    return StorageErrors.call(
        "list webhook deliveries",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT "
                                + COLUMNS
                                + " FROM webhook_deliveries ORDER BY created_at DESC, id LIMIT :limit")
                        .bind("limit", limit)
                        .map((rs, ctx) -> map(rs))
                        .list()));
  }

  @Override
  public Optional<WebhookDelivery> replay(String id) {
    return StorageErrors.call(
        "replay a webhook delivery",
        () ->
            jdbi.inTransaction(
                handle -> {
                  Optional<WebhookDelivery> found = find(handle, id);
                  if (found.isEmpty()) {
                    return found;
                  }
                  handle
                      .createUpdate("DELETE FROM webhook_disabled_endpoints WHERE endpoint = :e")
                      .bind("e", found.get().endpoint())
                      .execute();
                  handle
                      .createUpdate(
                          "UPDATE webhook_deliveries SET status = 'pending', attempts = 0,"
                              + " next_attempt_at = CURRENT_TIMESTAMP, lease_holder = NULL, lease_until = NULL, finished_at = NULL"
                              + " WHERE id = :id")
                      .bind("id", id)
                      .execute();
                  return find(handle, id);
                }));
  }

  @Override
  public long backlog() {
    return StorageErrors.call(
        "count webhook deliveries",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'")
                        .mapTo(Long.class)
                        .one()));
  }

  private static Optional<WebhookDelivery> find(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  private static WebhookDelivery map(ResultSet rs) throws SQLException {
    int lastStatus = rs.getInt("last_status");
    Integer status = rs.wasNull() ? null : lastStatus;
    return new WebhookDelivery(
        rs.getString("id"),
        rs.getString("endpoint"),
        rs.getString("event_type"),
        rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"),
        TimeColumns.read(rs, "next_attempt_at"),
        status,
        rs.getString("last_answer"),
        TimeColumns.read(rs, "created_at"));
  }

  private static String shorten(String answer) {
    if (answer == null) {
      return null;
    }
    return answer.length() <= MAX_ANSWER ? answer : answer.substring(0, MAX_ANSWER) + "…";
  }
}
