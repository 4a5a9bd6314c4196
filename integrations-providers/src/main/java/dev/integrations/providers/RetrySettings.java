package dev.integrations.providers;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard every provider retries a call that failed in a way worth repeating: how many attempts,
 * how long the waits between them, how long in all, and how long a provider's {@code Retry-After}
 * may be and still be waited for. Which failures are worth repeating is each provider's own rule (a
 * sent message is repeated only when the answer proves it was turned away); these settings say only
 * how often and when.
 *
 * <p>After the n-th failed attempt the wait is {@code initialDelay · 2^(n−1)}, at most {@code
 * maxDelay}, varied by up to ±{@code jitter} of itself so that callers failing together do not come
 * back together. When the provider said how long to wait ({@code Retry-After}, Telegram's {@code
 * retry_after}), the wait is that long stretched by up to {@code jitter}, never shorter; a provider
 * asking for more than {@code maxRetryAfter} gets no retry, and its answer (with its wait) comes
 * back at once. No wait is slept that would end after {@code maxDuration} from the first attempt or
 * after the request's {@link dev.integrations.core.model.Deadline}: the last answer comes back at
 * once instead.
 *
 * <pre>{@code
 * RetrySettings retries = RetrySettings.builder()
 *     .maxAttempts(3)
 *     .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
 *     .build();
 * // then, on each provider's builder: .retries(retries)
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link Builder#build()} copies the builder, so one instance may be
 * shared by every provider and a builder reused. The vocabulary follows Failsafe's {@code
 * RetryPolicyBuilder} ({@code withMaxAttempts}, {@code withBackoff}, {@code withJitter}, {@code
 * withMaxDuration}) in this library's builder style.
 */
public final class RetrySettings {
  private static final RetrySettings DEFAULTS = new Builder().build();

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration maxDuration;
  private final Duration maxRetryAfter;

  private RetrySettings(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialDelay = builder.initialDelay;
    this.maxDelay = builder.maxDelay;
    this.jitter = builder.jitter;
    this.maxDuration = builder.maxDuration;
    this.maxRetryAfter = builder.maxRetryAfter;
  }

  /**
   * The settings every provider uses unless told otherwise: 4 attempts, waits from 500 ms doubling
   * to 8 s with ±25 % jitter, 30 s in all, a {@code Retry-After} of up to 10 s waited for.
   */
  public static RetrySettings defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the {@linkplain #defaults() defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Attempts in all, the first included; 1 means no retry. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait after the first failed attempt, before jitter. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The longest wait between two attempts, before jitter. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The share of a wait by which it is randomly varied, in {@code [0, 1)}. */
  public double jitter() {
    return jitter;
  }

  /** The time from the first attempt after which no retry is started. */
  public Duration maxDuration() {
    return maxDuration;
  }

  /** The longest {@code Retry-After} that is waited for; a longer one ends the retries at once. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RetrySettings that
        && maxAttempts == that.maxAttempts
        && initialDelay.equals(that.initialDelay)
        && maxDelay.equals(that.maxDelay)
        && Double.compare(jitter, that.jitter) == 0
        && maxDuration.equals(that.maxDuration)
        && maxRetryAfter.equals(that.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialDelay, maxDelay, jitter, maxDuration, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetrySettings[maxAttempts="
        + maxAttempts
        + ", backoff="
        + initialDelay
        + ".."
        + maxDelay
        + ", jitter="
        + jitter
        + ", maxDuration="
        + maxDuration
        + ", maxRetryAfter="
        + maxRetryAfter
        + "]";
  }

  /**
   * Configures {@link RetrySettings}; each method checks its input at once. Not thread-safe; {@link
   * #build()} copies it.
   */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(8);
    private double jitter = 0.25;
    private Duration maxDuration = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofSeconds(10);

    private Builder() {}

    private Builder(RetrySettings settings) {
      this.maxAttempts = settings.maxAttempts;
      this.initialDelay = settings.initialDelay;
      this.maxDelay = settings.maxDelay;
      this.jitter = settings.jitter;
      this.maxDuration = settings.maxDuration;
      this.maxRetryAfter = settings.maxRetryAfter;
    }

    /** Attempts in all, the first included, default 4; 1 turns retries off. */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** Waits from {@code initialDelay}, doubling up to {@code maxDelay}; default 500 ms to 8 s. */
    public Builder backoff(Duration initialDelay, Duration maxDelay) {
      positive(initialDelay, "initialDelay");
      positive(maxDelay, "maxDelay");
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("maxDelay must not be shorter than initialDelay");
      }
      this.initialDelay = initialDelay;
      this.maxDelay = maxDelay;
      return this;
    }

    /** Varies each wait randomly by up to this share of it, in {@code [0, 1)}; default 0.25. */
    public Builder jitter(double factor) {
      if (!(factor >= 0 && factor < 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1)");
      }
      this.jitter = factor;
      return this;
    }

    /**
     * No retry starts, and no wait is slept, past this time from the first attempt; default 30 s.
     * The request's deadline, when sooner, ends the retries earlier.
     */
    public Builder maxDuration(Duration duration) {
      this.maxDuration = positive(duration, "maxDuration");
      return this;
    }

    /**
     * The longest {@code Retry-After} waited for, default 10 s; a provider asking for longer gets
     * its answer back at once ({@code rate_limited}, with its wait). Zero waits only for a {@code
     * Retry-After} of 0.
     */
    public Builder maxRetryAfter(Duration wait) {
      Objects.requireNonNull(wait, "maxRetryAfter");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative");
      }
      this.maxRetryAfter = wait;
      return this;
    }

    /** New, immutable settings with this builder's values. */
    public RetrySettings build() {
      return new RetrySettings(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
