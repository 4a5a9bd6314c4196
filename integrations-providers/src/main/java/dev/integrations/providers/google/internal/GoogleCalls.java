package dev.integrations.providers.google.internal;

import com.google.api.client.http.HttpResponseException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import java.io.IOException;
import java.time.Duration;

/**
 * Runs calls to Google with Failsafe retries: exponential backoff with jitter on 429, 5xx, Google's
 * 403 rate-limit answers and I/O errors; {@code Retry-After} honoured (a wait longer than the
 * remaining time budget ends the retries at once); no retry started after the total budget. A
 * non-idempotent call is retried after an I/O error only when its request was never written, and
 * after an answer only when it says the request was turned away (429, 503, a rate-limit 403): a 500
 * may come after the mail went out.
 * Failures come out translated by {@link GoogleErrors}.
 *
 * <p>Immutable and thread-safe.
 */
public final class GoogleCalls {
  /** Whether repeating a call is harmless once the provider may have acted on it. */
  public enum Repeat {
    /** Reads, and writes whose repetition is harmless (a revocation). */
    SAFE,
    /** Writes that must not happen twice (a sent mail, a consumed authorization code). */
    UNSAFE
  }

  private final RetrySettings settings;

  /** Calls retried as {@code settings} say. */
  public GoogleCalls(RetrySettings settings) {
    this.settings = settings;
  }

  /**
   * Runs {@code call} with retries and translates its failure for {@code service} ("Gmail"…).
   *
   * @throws dev.integrations.core.error.IntegrationException on failure
   */
  public <T> T run(String service, Repeat repeat, CheckedSupplier<T> call) {
    try {
      return Failsafe.with(policy(repeat)).get(call);
    } catch (FailsafeException e) {
      throw GoogleErrors.translate(service, e.getCause() != null ? e.getCause() : e);
    } catch (RuntimeException e) {
      throw GoogleErrors.translate(service, e);
    }
  }

  private <T> RetryPolicy<T> policy(Repeat repeat) {
    long deadline = System.nanoTime() + settings.maxTotal().toNanos();
    return RetryPolicy.<T>builder()
        .handleIf((result, failure) -> failure != null && isRetryable(failure, repeat))
        .abortIf((result, failure) -> waitBeyond(failure, deadline))
        .withBackoff(settings.initialDelay(), settings.maxDelay())
        .withJitter(settings.jitter())
        .withDelayFn(context -> retryAfterWait(context.getLastException()))
        .withMaxAttempts(settings.maxAttempts())
        .withMaxDuration(settings.maxTotal())
        .build();
  }

  static boolean isRetryable(Throwable failure, Repeat repeat) {
    if (failure instanceof HttpResponseException answer) {
      return repeat == Repeat.SAFE ? GoogleAnswers.isTransient(answer) : GoogleAnswers.wasRefused(answer);
    }
    if (failure instanceof UploadSourceException) {
      return false;
    }
    if (failure instanceof IOException) {
      return repeat == Repeat.SAFE || failure instanceof RequestNotSentException;
    }
    return false;
  }

  /**
   * The wait before the next attempt when Google said how long, stretched so that the jitter Failsafe
   * applies afterwards never shortens it below {@code Retry-After}; negative (use the backoff) otherwise.
   */
  private Duration retryAfterWait(Throwable failure) {
    Duration retryAfter = GoogleAnswers.retryAfter(failure);
    if (retryAfter == null) {
      return Duration.ofMillis(-1);
    }
    return Duration.ofNanos((long) Math.ceil(retryAfter.toNanos() / (1 - settings.jitter())));
  }

  private boolean waitBeyond(Throwable failure, long deadline) {
    Duration wait = failure == null ? null : GoogleAnswers.retryAfter(failure);
    return wait != null && retryAfterWait(failure).toNanos() > deadline - System.nanoTime();
  }
}
