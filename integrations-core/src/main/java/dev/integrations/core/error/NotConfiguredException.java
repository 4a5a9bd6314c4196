package dev.integrations.core.error;

/** The integration cannot be used because its provider is not configured. */
public class NotConfiguredException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  public NotConfiguredException(String message) {
    super(ErrorCode.NOT_CONFIGURED, message);
  }

  public NotConfiguredException(String message, Throwable cause) {
    super(ErrorCode.NOT_CONFIGURED, message, cause);
  }
}
