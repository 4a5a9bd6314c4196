package dev.integrations.persistence;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageBucket;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.UsageStore;
import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.TimeColumns;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link UsageStore} in the {@code connection_usage} table. Counting calls is one {@code UPDATE}
 * that adds them in the database (so concurrent writers lose nothing), and an {@code INSERT} for
 * the first call of an hour; a writer that loses the race to insert updates instead. No
 * transaction. Thread-safe.
 */
final class JdbiUsageStore implements UsageStore {
  private static final String BUCKET =
      " WHERE user_id = :user AND integration_type = :type AND bucket_hour = :hour AND action = :action";

  private final Jdbi jdbi;

  JdbiUsageStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Whether this store keeps its rows through {@code other}: in the same database. */
  boolean uses(Jdbi other) {
    return jdbi == other;
  }

  @Override
  public void add(UserId user, IntegrationType type, String action, Instant at, UsageCount count) {
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    long calls = count.calls();
    long failures = count.failures();
    StorageErrors.upsert(
        "count calls",
        () ->
            jdbi.withHandle(
                h -> {
                  int updated =
                      h.createUpdate(
                              "UPDATE connection_usage SET calls = calls + :calls,"
                                  + " failures = failures + :failures, last_use = GREATEST(last_use, :at)"
                                  + BUCKET)
                          .bind("calls", calls)
                          .bind("failures", failures)
                          .bind("at", at)
                          .bind("user", user.value())
                          .bind("type", type.value())
                          .bind("hour", hour)
                          .bind("action", action)
                          .execute();
                  if (updated == 0) {
                    h.createUpdate(
                            "INSERT INTO connection_usage (user_id, integration_type, action, bucket_hour, calls,"
                                + " failures, last_use) VALUES (:user, :type, :action, :hour, :calls, :failures, :at)")
                        .bind("calls", calls)
                        .bind("failures", failures)
                        .bind("at", at)
                        .bind("user", user.value())
                        .bind("type", type.value())
                        .bind("hour", hour)
                        .bind("action", action)
                        .execute();
                  }
                  return updated;
                }));
  }

  @Override
  public List<UsageBucket> buckets(UserId user, IntegrationType type, Instant from) {
    return StorageErrors.call(
        "read usage",
        () ->
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT action, bucket_hour, calls, failures, last_use FROM connection_usage"
                                + " WHERE user_id = :user AND integration_type = :type AND bucket_hour >= :from")
                        .bind("user", user.value())
                        .bind("type", type.value())
                        .bind("from", from)
                        .map(
                            (rs, ctx) ->
                                new UsageBucket(
                                    rs.getString("action"),
                                    TimeColumns.read(rs, "bucket_hour"),
                                    new UsageCount(rs.getLong("calls"), rs.getLong("failures")),
                                    TimeColumns.read(rs, "last_use")))
                        .list()));
  }

  @Override
  public Map<IntegrationType, UsageCount> totalsSince(UserId user, Instant from) {
    return StorageErrors.call(
        "read usage totals",
        () ->
            jdbi.withHandle(
                h -> {
                  Map<IntegrationType, UsageCount> totals = new HashMap<>();
                  h.createQuery(
                          "SELECT integration_type, SUM(calls) AS calls, SUM(failures) AS failures FROM connection_usage"
                              + " WHERE user_id = :user AND bucket_hour >= :from GROUP BY integration_type")
                      .bind("user", user.value())
                      .bind("from", from)
                      .map(
                          (rs, ctx) ->
                              Map.entry(
                                  IntegrationType.of(rs.getString("integration_type")),
                                  new UsageCount(rs.getLong("calls"), rs.getLong("failures"))))
                      .forEach(e -> totals.put(e.getKey(), e.getValue()));
                  return totals;
                }));
  }

  @Override
  public int prune(Instant before) {
    return StorageErrors.call(
        "delete old usage",
        () ->
            jdbi.withHandle(
                h ->
                    h.createUpdate("DELETE FROM connection_usage WHERE bucket_hour < :before")
                        .bind("before", before)
                        .execute()));
  }
}
