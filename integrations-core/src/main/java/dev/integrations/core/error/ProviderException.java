package dev.integrations.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call failed after the adapter's bounded retries: unreachable ({@link
 * ErrorCode#PROVIDER_UNAVAILABLE}), too slow ({@link ErrorCode#PROVIDER_TIMEOUT}), still rate
 * limited ({@link ErrorCode#RATE_LIMITED}), an error answer ({@link ErrorCode#PROVIDER_ERROR}) or a
 * refusal of the request itself ({@link ErrorCode#PROVIDER_REJECTED}). The message keeps the
 * provider's own description where it has one, never a secret.
 */
public class ProviderException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  /** A provider failure with its {@code code} and a sentence. */
  public ProviderException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  /** A provider failure with its {@code code}, a sentence and the underlying {@code cause}. */
  public ProviderException(ErrorCode code, String message, Throwable cause) {
    this(code, message, null, cause);
  }

  /**
   * A provider failure that asked to wait {@code retryAfter} (null when it did not say) before a
   * new attempt.
   */
  public ProviderException(ErrorCode code, String message, Duration retryAfter, Throwable cause) {
    super(code, message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked callers to wait, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
