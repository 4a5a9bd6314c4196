package dev.integrations.core.error;

/**
 * The provider no longer accepts the stored grant; the connection is kept, marked, and the user
 * must connect again.
 */
public class ReauthorizationRequiredException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  /** The grant is no longer accepted, as {@code message} says. */
  public ReauthorizationRequiredException(String message) {
    super(ErrorCode.REAUTHORIZATION_REQUIRED, message);
  }

  /** The grant is no longer accepted, as {@code message} says, caused by {@code cause}. */
  public ReauthorizationRequiredException(String message, Throwable cause) {
    super(ErrorCode.REAUTHORIZATION_REQUIRED, message, cause);
  }
}
