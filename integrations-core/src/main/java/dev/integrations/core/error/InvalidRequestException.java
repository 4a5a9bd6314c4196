package dev.integrations.core.error;

/** The caller's input was refused; nothing was changed. */
public class InvalidRequestException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  /** Input refused with {@link ErrorCode#INVALID_REQUEST}. */
  public InvalidRequestException(String message) {
    this(ErrorCode.INVALID_REQUEST, message);
  }

  /**
   * Input refused with a more specific {@code code}, such as {@link ErrorCode#BOT_TOKEN_REQUIRED}.
   */
  public InvalidRequestException(ErrorCode code, String message) {
    super(code, message);
  }
}
