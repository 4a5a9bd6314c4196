package dev.integrations.bootstrap.presentation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionUsage;
import dev.integrations.core.model.UsageCount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of a connection's health and usage, in {@code GET /api/integrations} and the usage
 * route.
 */
public final class HealthBodies {
  private HealthBodies() {}

  /** A connection's health: {@code state} is healthy, degraded or reauthorization_required. */
  public record Health(
      String state,
      int failureCount,
      Instant firstFailure,
      Instant lastSuccess,
      Instant lastFailure,
      String lastError,
      String lastErrorMessage,
      Instant nextCheck) {
    /** The body of {@code health}, null for none. */
    public static Health of(ConnectionHealth health) {
      return health == null
          ? null
          : new Health(
              health.state().wireName(),
              health.failureCount(),
              health.firstFailure(),
              health.lastSuccess(),
              health.lastFailure(),
              health.lastError() == null ? null : health.lastError().wireName(),
              health.lastErrorMessage(),
              health.nextCheck());
    }
  }

  /** Calls and the failed ones among them. */
  public record Count(long calls, long failures) {
    public static Count of(UsageCount count) {
      return new Count(count.calls(), count.failures());
    }
  }

  /** One day (UTC) of usage. */
  public record Day(LocalDate date, long calls, long failures) {}

  /** One action's usage over the period, and its last use. */
  public record Action(String action, long calls, long failures, Instant lastUse) {}

  /**
   * {@code GET /api/integrations/{type}/usage}: 30 days, oldest first, per action, and the last 24
   * hours.
   */
  public record Usage(
      String integrationType,
      List<Day> days,
      List<Action> actions,
      @JsonProperty("usage_24h") Count usage24h) {
    public static Usage of(ConnectionUsage usage) {
      return new Usage(
          usage.type().value(),
          usage.days().stream()
              .map(d -> new Day(d.date(), d.count().calls(), d.count().failures()))
              .toList(),
          usage.actions().stream()
              .map(
                  a -> new Action(a.action(), a.count().calls(), a.count().failures(), a.lastUse()))
              .toList(),
          Count.of(usage.last24Hours()));
    }
  }
}
