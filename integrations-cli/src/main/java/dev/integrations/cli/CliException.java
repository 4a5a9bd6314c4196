package dev.integrations.cli;

/**
 * A failure of the command line itself, not of the library: the OAuth loopback port is taken, the
 * browser never came back. Carries the exit code and the stable code printed after the message.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String code;

  CliException(int exitCode, String code, String message) {
    this(exitCode, code, message, null);
  }

  CliException(int exitCode, String code, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.code = code;
  }

  int exitCode() {
    return exitCode;
  }

  String code() {
    return code;
  }
}
