package dev.integrations.core.error;

/** The integration cannot be used because its provider is not configured. */
public class NotConfiguredException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  /** The integration is not configured, as {@code message} says. */
  public NotConfiguredException(String message) {
    super(ErrorCode.NOT_CONFIGURED, message);
  }

  /** The integration is not configured, as {@code message} says, caused by {@code cause}. */
  public NotConfiguredException(String message, Throwable cause) {
    super(ErrorCode.NOT_CONFIGURED, message, cause);
  }
}
