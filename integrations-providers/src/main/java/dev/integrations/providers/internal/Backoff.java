package dev.integrations.providers.internal;

import dev.integrations.providers.RetrySettings;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The wait before a retry: exponential backoff with jitter, or the provider's {@code Retry-After}.
 *
 * <p>After the n-th failed attempt the base wait is {@code initialDelay · 2^(n-1)}, capped at
 * {@code maxDelay}, and the wait is the base scaled by a random factor in {@code [1 − jitter, 1 +
 * jitter]}, so that callers failing together do not come back together. When the provider said how
 * long to wait, the wait is that long stretched by a random factor in {@code [1, 1 + jitter]}:
 * never shorter than asked.
 *
 * <p>Immutable and thread-safe when its random source is.
 */
public final class Backoff {
  private static final int MAX_DOUBLINGS = 30;

  private final RetrySettings settings;
  private final DoubleSupplier random;

  /** Backoff as {@code settings} say, randomised by the thread's own random generator. */
  public Backoff(RetrySettings settings) {
    this(settings, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Backoff as {@code settings} say, randomised by {@code random} (values in {@code [0, 1)}). */
  public Backoff(RetrySettings settings, DoubleSupplier random) {
    this.settings = settings;
    this.random = random;
  }

  /**
   * The wait after {@code failedAttempts} failed attempts (1 after the first), or after the
   * provider's {@code retryAfter} when it gave one (null otherwise).
   */
  public Duration delay(int failedAttempts, Duration retryAfter) {
    double jitter = settings.jitter();
    if (retryAfter != null) {
      return scale(retryAfter, 1 + jitter * random.getAsDouble());
    }
    int doublings = Math.min(MAX_DOUBLINGS, Math.max(0, failedAttempts - 1));
    long initial = settings.initialDelay().toNanos();
    long max = settings.maxDelay().toNanos();
    long base = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
    return scale(Duration.ofNanos(base), 1 - jitter + 2 * jitter * random.getAsDouble());
  }

  private static Duration scale(Duration duration, double factor) {
    double nanos = duration.toNanos() * factor;
    return nanos >= Long.MAX_VALUE
        ? Duration.ofNanos(Long.MAX_VALUE)
        : Duration.ofNanos((long) Math.ceil(nanos));
  }
}
