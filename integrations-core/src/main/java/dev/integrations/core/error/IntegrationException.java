package dev.integrations.core.error;

import java.util.Objects;

/**
 * Root of every failure this library reports. Each instance carries a stable {@link ErrorCode} and
 * a message written for the person who will read it. Messages never contain secrets.
 */
public class IntegrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The stable reason, never null. */
  private final ErrorCode code;

  /** A failure with a stable {@code code} and a sentence for the person who reads it. */
  public IntegrationException(ErrorCode code, String message) {
    this(code, message, null);
  }

  /** A failure with a stable {@code code}, a sentence, and the underlying {@code cause}. */
  public IntegrationException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable reason of this failure. */
  public ErrorCode code() {
    return code;
  }
}
