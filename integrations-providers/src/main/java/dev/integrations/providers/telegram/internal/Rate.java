package dev.integrations.providers.telegram.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * A sending limit: at most {@code messages} in any {@code period}.
 *
 * @param messages how many, at least 1
 * @param period in how long, positive
 */
public record Rate(int messages, Duration period) {
  /** Requires a positive count and period. */
  public Rate {
    Objects.requireNonNull(period, "period");
    if (messages < 1 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("a rate needs at least one message in a positive period");
    }
  }

  long periodNanos() {
    return period.toNanos();
  }

  /** The even spacing that keeps within this rate. */
  long intervalNanos() {
    return Math.max(1, period.toNanos() / messages);
  }
}
