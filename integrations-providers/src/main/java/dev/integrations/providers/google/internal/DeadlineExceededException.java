package dev.integrations.providers.google.internal;

import java.io.InterruptedIOException;

/**
 * The request's deadline ran out before an attempt could start: nothing was sent, and nothing may
 * be retried.
 */
final class DeadlineExceededException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  DeadlineExceededException() {
    super("the request's deadline ran out");
  }
}
