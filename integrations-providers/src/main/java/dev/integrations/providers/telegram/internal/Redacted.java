package dev.integrations.providers.telegram.internal;

/**
 * A stand-in for an exception from the HTTP stack whose message may contain a Bot API URL, and so
 * the bot token: it keeps the original class name, the redacted message and the stack trace, so
 * that the cause of a failure can be logged safely.
 */
final class Redacted extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 8;

  private Redacted(String message) {
    super(message);
  }

  /** A redacted copy of {@code failure} and its causes (suppressed exceptions are redacted too). */
  static Redacted of(Throwable failure, BotToken token) {
    return of(failure, token, 0);
  }

  private static Redacted of(Throwable failure, BotToken token, int depth) {
    String message = failure.getMessage() == null ? "" : ": " + token.redact(failure.getMessage());
    Redacted copy = new Redacted(failure.getClass().getName() + message);
    copy.setStackTrace(failure.getStackTrace());
    Throwable cause = failure.getCause();
    if (cause != null && cause != failure && depth < MAX_DEPTH) {
      copy.initCause(of(cause, token, depth + 1));
    }
    if (depth < MAX_DEPTH) {
      for (Throwable suppressed : failure.getSuppressed()) {
        copy.addSuppressed(of(suppressed, token, depth + 1));
      }
    }
    return copy;
  }

  /** Prints like the original exception would, minus the secret. */
  @Override
  public String toString() {
    return getMessage();
  }
}
