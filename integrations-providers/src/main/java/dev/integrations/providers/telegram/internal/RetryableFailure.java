package dev.integrations.providers.telegram.internal;

import dev.integrations.core.error.IntegrationException;
import java.time.Duration;

/**
 * An attempt that failed in a way that may succeed when repeated, and that cannot have had an
 * effect at Telegram. Carries the error to report when the retries run out, and the wait Telegram
 * asked for.
 */
final class RetryableFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient IntegrationException error;
  private final transient Duration retryAfter;

  RetryableFailure(IntegrationException error, Duration wait) {
    super(error.getMessage(), null, false, false);
    this.error = error;
    this.retryAfter = wait;
  }

  /** What the caller gets when no retry is left. */
  IntegrationException error() {
    return error;
  }

  /** Telegram's {@code retry_after}, or null to back off exponentially. */
  Duration retryAfter() {
    return retryAfter;
  }
}
