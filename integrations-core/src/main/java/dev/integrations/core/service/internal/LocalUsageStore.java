package dev.integrations.core.service.internal;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageBucket;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.UsageStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link UsageStore}: in this process's memory, for a library that is given none (and
 * for tests). Thread-safe.
 */
public final class LocalUsageStore implements UsageStore {
  private final Map<Key, UsageBucket> buckets = new HashMap<>();

  private record Key(UserId user, IntegrationType type, String action, Instant hour) {}

  @Override
  public synchronized void add(
      UserId user, IntegrationType type, String action, Instant at, UsageCount count) {
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    buckets.merge(
        new Key(user, type, action, hour),
        new UsageBucket(action, hour, count, at),
        (old, add) ->
            new UsageBucket(
                action,
                hour,
                old.count().plus(count),
                old.lastUse().isAfter(at) ? old.lastUse() : at));
  }

  @Override
  public synchronized List<UsageBucket> buckets(UserId user, IntegrationType type, Instant from) {
    return buckets.entrySet().stream()
        .filter(e -> e.getKey().user().equals(user) && e.getKey().type().equals(type))
        .filter(e -> !e.getKey().hour().isBefore(from))
        .map(Map.Entry::getValue)
        .toList();
  }

  @Override
  public synchronized Map<IntegrationType, UsageCount> totalsSince(UserId user, Instant from) {
    Map<IntegrationType, UsageCount> totals = new HashMap<>();
    buckets.forEach(
        (key, bucket) -> {
          if (key.user().equals(user) && !key.hour().isBefore(from)) {
            totals.merge(key.type(), bucket.count(), UsageCount::plus);
          }
        });
    return totals;
  }

  @Override
  public synchronized int prune(Instant before) {
    int size = buckets.size();
    buckets.keySet().removeIf(key -> key.hour().isBefore(before));
    return size - buckets.size();
  }
}
