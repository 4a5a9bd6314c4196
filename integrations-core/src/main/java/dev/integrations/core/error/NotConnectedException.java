package dev.integrations.core.error;

/** The user has no connection to the integration. */
public class NotConnectedException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  /** No connection, in the original service's words: "Integration not connected". */
  public NotConnectedException() {
    this("Integration not connected");
  }

  /** No connection, as {@code message} says. */
  public NotConnectedException(String message) {
    super(ErrorCode.NOT_CONNECTED, message);
  }

  /** No connection, as {@code message} says, caused by {@code cause}. */
  public NotConnectedException(String message, Throwable cause) {
    super(ErrorCode.NOT_CONNECTED, message, cause);
  }
}
