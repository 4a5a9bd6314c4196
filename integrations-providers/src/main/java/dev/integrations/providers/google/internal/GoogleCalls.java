package dev.integrations.providers.google.internal;

import com.google.api.client.http.HttpResponseException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.internal.Retrier;
import dev.integrations.providers.internal.RetryRule;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.io.IOException;

/**
 * Runs calls to Google with the providers' one {@link Retrier}, within the current request {@link
 * Deadline}: exponential backoff with jitter on 429, 5xx, Google's 403 rate-limit answers and I/O
 * errors; {@code Retry-After} honoured. A retry whose wait would end after the deadline or the
 * retry budget is not made: the last answer is reported at once, never after sleeping past the
 * deadline. A non-idempotent call is retried after an I/O error only when its request was never
 * written, and after an answer only when it proves the request was turned away (429, a rate-limit
 * 403): a 500 or a 503 may come after the mail went out. When the deadline runs out during an
 * attempt, the answer is a {@code provider_timeout}. Failures come out translated by {@link
 * GoogleErrors}.
 *
 * <p>Immutable and thread-safe.
 */
public final class GoogleCalls {
  /** Whether repeating a call is harmless once the provider may have acted on it. */
  public enum Repeat {
    /** Reads, and writes whose repetition is harmless (a revocation). */
    SAFE,
    /**
     * Writes that must not happen twice (a sent mail, an uploaded file, a consumed authorization
     * code).
     */
    UNSAFE
  }

  private static final String NOT_REPEATED =
      " It was not repeated, because %s may have received it.";

  private final Retrier retrier;

  /** Calls retried as {@code settings} say. */
  public GoogleCalls(RetrySettings settings) {
    this.retrier = new Retrier(settings);
  }

  /**
   * Runs {@code call} with retries and translates its failure for {@code service} ("Gmail"…).
   *
   * @throws dev.integrations.core.error.IntegrationException on failure
   */
  public <T> T run(String service, Repeat repeat, Retrier.Attempt<T, IOException> call) {
    Deadline deadline = Deadline.current();
    try {
      return retrier.run(service, rule(repeat), call);
    } catch (IOException | RuntimeException e) {
      throw translate(service, repeat, deadline, e);
    }
  }

  private static <T> RetryRule<T> rule(Repeat repeat) {
    return failure ->
        isRetryable(failure, repeat)
            ? Verdict.retryAfter(GoogleAnswers.retryAfter(failure))
            : Verdict.FINAL;
  }

  static boolean isRetryable(Throwable failure, Repeat repeat) {
    if (failure instanceof HttpResponseException answer) {
      return repeat == Repeat.SAFE
          ? GoogleAnswers.isTransient(answer)
          : GoogleAnswers.wasRefused(answer);
    }
    if (failure instanceof UploadSourceException || failure instanceof DeadlineExceededException) {
      return false;
    }
    if (failure instanceof IOException) {
      return repeat == Repeat.SAFE || failure instanceof RequestNotSentException;
    }
    return false;
  }

  /**
   * Google's failure in the core's terms; an I/O failure once the deadline has run out is its
   * timeout.
   */
  private static RuntimeException translate(
      String service, Repeat repeat, Deadline deadline, Throwable failure) {
    boolean io =
        failure instanceof IOException
            && !(failure instanceof HttpResponseException)
            && !(failure instanceof UploadSourceException);
    if (!io || !deadline.isExpired()) {
      return GoogleErrors.translate(service, failure);
    }
    ProviderException exceeded = deadline.exceeded(service);
    boolean maybeSent =
        repeat == Repeat.UNSAFE
            && !(failure instanceof RequestNotSentException)
            && !(failure instanceof DeadlineExceededException);
    String message =
        maybeSent ? exceeded.getMessage() + NOT_REPEATED.formatted(service) : exceeded.getMessage();
    return new ProviderException(ErrorCode.PROVIDER_TIMEOUT, message, failure);
  }
}
