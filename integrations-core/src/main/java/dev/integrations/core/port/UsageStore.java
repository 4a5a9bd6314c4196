package dev.integrations.core.port;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageBucket;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Counts the calls through each connection in hourly buckets, per action: one cheap upsert per
 * call, or per batch of calls of one action and hour.
 *
 * <p>Implementations are thread-safe and, through their database, shared between processes: two
 * processes counting into one bucket lose neither count.
 */
public interface UsageStore {

  /**
   * Adds {@code count} (calls and failures) to the bucket of {@code action} for the hour of {@code
   * at}, and makes {@code at} its last use unless a later one is recorded.
   */
  void add(UserId user, IntegrationType type, String action, Instant at, UsageCount count);

  /** Adds one call (a failed one when {@code failed}) made at {@code at}. */
  default void record(
      UserId user, IntegrationType type, String action, boolean failed, Instant at) {
    add(user, type, action, at, new UsageCount(1, failed ? 1 : 0));
  }

  /**
   * The connection's buckets whose hour starts at or after {@code from}, in no particular order.
   */
  List<UsageBucket> buckets(UserId user, IntegrationType type, Instant from);

  /**
   * Each of the user's connections' calls in buckets whose hour starts at or after {@code from}.
   */
  Map<IntegrationType, UsageCount> totalsSince(UserId user, Instant from);

  /**
   * Deletes the buckets whose hour starts before {@code before}.
   *
   * @return how many were deleted
   */
  int prune(Instant before);
}
