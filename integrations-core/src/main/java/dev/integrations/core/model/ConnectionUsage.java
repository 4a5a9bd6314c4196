package dev.integrations.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The usage of one connection over the kept period: one entry per day (UTC, oldest first, days
 * without calls included), the totals per action, and the last 24 hours.
 *
 * @param type the integration
 * @param days one entry per day of the period, oldest first
 * @param actions per action over the period, most used first
 * @param last24Hours the calls of the last 24 hours (to the hour)
 */
public record ConnectionUsage(
    IntegrationType type, List<Day> days, List<Action> actions, UsageCount last24Hours) {
  /** Copies the lists; requires every field. */
  public ConnectionUsage {
    Objects.requireNonNull(type, "type");
    days = List.copyOf(days);
    actions = List.copyOf(actions);
    Objects.requireNonNull(last24Hours, "last24Hours");
  }

  /** The calls of one day (UTC). */
  public record Day(LocalDate date, UsageCount count) {
    /** Requires both. */
    public Day {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(count, "count");
    }
  }

  /** The calls of one action over the period, and its last use. */
  public record Action(String action, UsageCount count, Instant lastUse) {
    /** Requires every field. */
    public Action {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(count, "count");
      Objects.requireNonNull(lastUse, "lastUse");
    }
  }
}
