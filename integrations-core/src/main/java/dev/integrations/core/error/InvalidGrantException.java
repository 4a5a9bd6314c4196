package dev.integrations.core.error;

/**
 * Thrown by an OAuth provider adapter when the token endpoint answers {@code invalid_grant} to a
 * refresh: the refresh token is expired, revoked or was already rotated. The core decides what that
 * means for the connection (it re-reads the store before marking the connection for
 * reauthorization).
 */
public class InvalidGrantException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  /** The token endpoint refused the refresh token, as {@code message} describes. */
  public InvalidGrantException(String message) {
    super(ErrorCode.REAUTHORIZATION_REQUIRED, message);
  }
}
