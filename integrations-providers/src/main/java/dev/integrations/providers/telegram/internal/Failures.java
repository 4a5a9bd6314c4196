package dev.integrations.providers.telegram.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Translates Bot API error answers and I/O failures into the core's exceptions, keeping Telegram's
 * description for the user and deciding which failures may be retried: a 429 always (Telegram did
 * nothing), a 5xx or an I/O error only when the call is idempotent or the request never left.
 */
final class Failures {
  private static final String NOT_REPEATED =
      " It was not repeated, because the message may have been delivered.";

  private Failures() {}

  /** The failure for an error answer. */
  static RuntimeException forReply(BotMethod method, ApiReply reply, BotToken token) {
    int status = reply.status();
    String reason = token.redact(reply.reason());
    if (status == 401 || (status == 404 && method == BotMethod.GET_ME)) {
      return new TokenRejectedException(reason);
    }
    if (status == 429) {
      return rateLimited(method, reason, reply.retryAfter());
    }
    if (status >= 500) {
      ErrorCode code =
          status == 502 || status == 503 || status == 504
              ? ErrorCode.PROVIDER_UNAVAILABLE
              : ErrorCode.PROVIDER_ERROR;
      String message = "Telegram failed to " + method.action() + " (" + reason + ").";
      return method.idempotent()
          ? new RetryableFailure(new ProviderException(code, message), null)
          : new ProviderException(code, message + NOT_REPEATED);
    }
    if (status >= 400) {
      return new ProviderException(
          ErrorCode.PROVIDER_REJECTED, "Telegram refused to " + method.action() + ": " + reason);
    }
    return new ProviderException(
        ErrorCode.PROVIDER_ERROR,
        "Telegram gave an unexpected answer when asked to "
            + method.action()
            + " ("
            + reason
            + ").");
  }

  /**
   * A 429: Telegram did nothing, so even a send may be repeated after its {@code retry_after}.
   * Whether that wait fits what is left of the retries and of the request deadline is the retrier's
   * to judge; retrying earlier would only earn another 429.
   */
  private static RuntimeException rateLimited(
      BotMethod method, String reason, Duration retryAfter) {
    Duration wait = retryAfter != null ? retryAfter : Duration.ofSeconds(1);
    ProviderException error =
        new ProviderException(
            ErrorCode.RATE_LIMITED,
            "Telegram is rate limiting this bot ("
                + reason
                + "); could not "
                + method.action()
                + ". Try again in "
                + Math.max(1, wait.toSeconds())
                + " s.",
            wait,
            null);
    return new RetryableFailure(error, wait);
  }

  /** The failure for an I/O error; a timeout once {@code deadline} has run out says so. */
  static RuntimeException forIo(
      BotMethod method,
      IOException failure,
      boolean mayHaveBeenDelivered,
      BotToken token,
      Deadline deadline) {
    boolean interrupted = Thread.currentThread().isInterrupted();
    boolean timeout = failure instanceof InterruptedIOException && !interrupted;
    ErrorCode code = timeout ? ErrorCode.PROVIDER_TIMEOUT : ErrorCode.PROVIDER_UNAVAILABLE;
    String detail =
        failure.getMessage() == null
            ? failure.getClass().getSimpleName()
            : token.redact(failure.getMessage());
    String message =
        timeout && deadline.isExpired()
            ? deadline.exceeded("Telegram").getMessage()
            : timeout
                ? "Telegram did not answer in time when asked to "
                    + method.action()
                    + " ("
                    + detail
                    + ")."
                : "Could not reach Telegram to " + method.action() + " (" + detail + ").";
    Redacted cause = Redacted.of(failure, token);
    if (interrupted) {
      return new ProviderException(
          code, "Interrupted while waiting for Telegram to " + method.action() + ".", cause);
    }
    if (method.idempotent() || !mayHaveBeenDelivered) {
      return new RetryableFailure(new ProviderException(code, message, cause), null);
    }
    return new ProviderException(code, message + NOT_REPEATED, cause);
  }
}
