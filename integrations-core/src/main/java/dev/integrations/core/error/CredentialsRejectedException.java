package dev.integrations.core.error;

/** The provider refused the credentials of a call (HTTP 401 or equivalent). */
public class CredentialsRejectedException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  /** Credentials refused, described by {@code message}. */
  public CredentialsRejectedException(String message) {
    super(ErrorCode.CREDENTIALS_REJECTED, message);
  }

  /** Credentials refused, described by {@code message}, caused by {@code cause}. */
  public CredentialsRejectedException(String message, Throwable cause) {
    super(ErrorCode.CREDENTIALS_REJECTED, message, cause);
  }
}
