package dev.integrations.core.error;

/** The caller's input was refused; nothing was changed. */
public class InvalidRequestException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    this(ErrorCode.INVALID_REQUEST, message);
  }

  public InvalidRequestException(ErrorCode code, String message) {
    super(code, message);
  }
}
