package dev.integrations.providers.internal;

import java.time.Duration;

/**
 * A provider's rule of what is worth repeating: which failures and which answers, and how long the
 * provider asked to wait. When and whether there is time for it is {@link Retrier}'s part.
 *
 * @param <T> what an attempt returns
 */
@FunctionalInterface
public interface RetryRule<T> {
  /** Whether an attempt that threw {@code failure} may be repeated. */
  Verdict afterFailure(Exception failure);

  /**
   * Whether an attempt that returned {@code result} (an error answer, say) is repeated; default
   * never.
   */
  default Verdict afterResult(T result) {
    return Verdict.FINAL;
  }

  /**
   * Told before the wait of each retry: {@code failedAttempts} attempts so far, the last of which
   * returned {@code result} or threw {@code failure} (the other is null). Default: nothing.
   */
  default void retrying(int failedAttempts, Duration wait, T result, Exception failure) {}

  /**
   * The rule's word on one attempt.
   *
   * @param retry whether it may be repeated
   * @param retryAfter how long the provider asked to wait, or null to back off exponentially
   */
  record Verdict(boolean retry, Duration retryAfter) {
    /** Not to be repeated: its result or failure is the call's. */
    public static final Verdict FINAL = new Verdict(false, null);

    /** To be repeated after the exponential backoff. */
    public static final Verdict RETRY = new Verdict(true, null);

    /**
     * To be repeated after {@code asked} (the provider's {@code Retry-After}), or the backoff when
     * null.
     */
    public static Verdict retryAfter(Duration asked) {
      return new Verdict(true, asked);
    }

    /** Rejects a wait without a retry and a negative wait. */
    public Verdict {
      if (retryAfter != null && (!retry || retryAfter.isNegative())) {
        throw new IllegalArgumentException(
            "a Retry-After belongs to a retry and is never negative");
      }
    }
  }
}
