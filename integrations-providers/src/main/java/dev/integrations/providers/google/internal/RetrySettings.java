package dev.integrations.providers.google.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How calls to Google are retried: exponential backoff from {@code initialDelay} to {@code maxDelay}
 * with ±{@code jitter} randomisation, at most {@code maxAttempts} attempts, no retry started after
 * {@code maxTotal}.
 */
public record RetrySettings(
    Duration initialDelay, Duration maxDelay, double jitter, int maxAttempts, Duration maxTotal) {
  /** Validates the delays, jitter, attempts and budget. */
  public RetrySettings {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxTotal, "maxTotal");
    if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (maxTotal.isNegative()) {
      throw new IllegalArgumentException("maxTotal must not be negative");
    }
  }
}
