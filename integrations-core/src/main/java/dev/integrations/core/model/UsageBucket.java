package dev.integrations.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The calls of one action through one connection in one hour, as a usage store keeps them.
 *
 * @param action what was done, for example {@code send_mail} or {@code test}
 * @param hour the start of the hour (UTC, whole hour)
 * @param count the calls and failures in that hour
 * @param lastUse the last call in that hour
 */
public record UsageBucket(String action, Instant hour, UsageCount count, Instant lastUse) {
  /** Requires every field. */
  public UsageBucket {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(hour, "hour");
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(lastUse, "lastUse");
  }
}
