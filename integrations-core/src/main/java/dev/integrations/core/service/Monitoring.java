package dev.integrations.core.service;

import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.ConnectionOverview;
import dev.integrations.core.model.ConnectionUsage;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UsageBucket;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.UsageStore;
import dev.integrations.core.service.internal.CallObserver;
import dev.integrations.core.service.internal.ConnectionKey;
import dev.integrations.core.service.internal.HealthRecorder;
import dev.integrations.core.service.internal.UsageCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The health and usage of connections: where they are kept, recorded and read. Thread-safe. */
final class Monitoring {
  /** How many days of usage are kept and shown. */
  static final int USAGE_DAYS = 30;

  private final HealthStore health;
  private final UsageStore usage;
  private final HealthRecorder recorder;
  private final UsageCounter counter;
  private final CallObserver observer;
  private final Clock clock;

  Monitoring(HealthStore health, UsageStore usage, HealthRecorder recorder, Clock clock) {
    this.health = health;
    this.usage = usage;
    this.recorder = recorder;
    this.counter = new UsageCounter(usage, clock);
    this.observer = new CallObserver(counter, recorder);
    this.clock = clock;
  }

  HealthStore health() {
    return health;
  }

  UsageStore usageStore() {
    return usage;
  }

  HealthRecorder recorder() {
    return recorder;
  }

  CallObserver observer() {
    return observer;
  }

  /**
   * The user's saved connections with their recorded health and their calls of the last 24 hours
   * (to the hour).
   */
  List<ConnectionOverview> overview(ConnectionStore connections, UserId user) {
    counter.flush(user); // this process's own counts, even those not yet written
    return connections.overview(user, health, usage, last24HoursFrom(clock.instant()));
  }

  /** Records a test's outcome: its result, or the error it failed with. */
  void tested(ConnectionKey key, boolean counted, TestResult result, IntegrationException failure) {
    boolean failed = failure != null || !result.success();
    if (counted) {
      counter.count(key, "test", failed);
    }
    if (failure != null) {
      recorder.failed(key, failure);
    } else if (result.success()) {
      recorder.succeeded(key);
    } else {
      recorder.failed(key, result.code(), result.message());
    }
  }

  /** The connection's usage over the last {@value #USAGE_DAYS} days, with every day listed. */
  ConnectionUsage usage(UserId user, IntegrationType type) {
    counter.flush(user);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first = today.minusDays(USAGE_DAYS - 1L);
    Instant recent = last24HoursFrom(now);
    Map<LocalDate, UsageCount> byDay = new HashMap<>();
    Map<String, UsageCount> byAction = new HashMap<>();
    Map<String, Instant> lastUse = new HashMap<>();
    UsageCount last24 = UsageCount.NONE;
    for (UsageBucket bucket :
        usage.buckets(user, type, first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
      byDay.merge(
          LocalDate.ofInstant(bucket.hour(), ZoneOffset.UTC), bucket.count(), UsageCount::plus);
      byAction.merge(bucket.action(), bucket.count(), UsageCount::plus);
      lastUse.merge(bucket.action(), bucket.lastUse(), (a, b) -> a.isAfter(b) ? a : b);
      if (!bucket.hour().isBefore(recent)) {
        last24 = last24.plus(bucket.count());
      }
    }
    List<ConnectionUsage.Day> days = new ArrayList<>(USAGE_DAYS);
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      days.add(new ConnectionUsage.Day(day, byDay.getOrDefault(day, UsageCount.NONE)));
    }
    List<ConnectionUsage.Action> actions =
        byAction.entrySet().stream()
            .map(e -> new ConnectionUsage.Action(e.getKey(), e.getValue(), lastUse.get(e.getKey())))
            .sorted(
                Comparator.comparingLong((ConnectionUsage.Action a) -> a.count().calls())
                    .reversed()
                    .thenComparing(ConnectionUsage.Action::action))
            .toList();
    return new ConnectionUsage(type, days, actions, last24);
  }

  /** Writes the counts not yet written, and stops the thread that writes them. */
  void close() {
    counter.close();
  }

  /** Deletes the usage older than the kept days. */
  int pruneUsage() {
    LocalDate first =
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(USAGE_DAYS - 1L);
    return usage.prune(first.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The first hour counted as "the last 24 hours": the current hour and the 23 before it. */
  private static Instant last24HoursFrom(Instant now) {
    return now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(23));
  }
}
