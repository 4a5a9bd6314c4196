package dev.integrations.providers.telegram.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a Bot API call is retried.
 *
 * @param maxRetries retries after the first attempt, at most
 * @param maxRetryTime the total time a call may spend, waits included, before it gives up; a 429
 *     whose {@code retry_after} would overrun it is reported at once
 * @param initialBackoff the first wait after an I/O error or 5xx (doubled each time, with jitter)
 * @param maxBackoff the longest such wait
 */
public record RetrySettings(
    int maxRetries, Duration maxRetryTime, Duration initialBackoff, Duration maxBackoff) {
  /** Validates the retries, budget and backoff. */
  public RetrySettings {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative");
    }
    Objects.requireNonNull(maxRetryTime, "maxRetryTime");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxRetryTime.isNegative()
        || initialBackoff.isNegative()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "retry times must be positive and maxBackoff >= initialBackoff");
    }
  }
}
