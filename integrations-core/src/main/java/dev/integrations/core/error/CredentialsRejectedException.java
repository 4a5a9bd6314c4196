package dev.integrations.core.error;

/** The provider refused the credentials of a call (HTTP 401 or equivalent). */
public class CredentialsRejectedException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  public CredentialsRejectedException(String message) {
    super(ErrorCode.CREDENTIALS_REJECTED, message);
  }

  public CredentialsRejectedException(String message, Throwable cause) {
    super(ErrorCode.CREDENTIALS_REJECTED, message, cause);
  }
}
