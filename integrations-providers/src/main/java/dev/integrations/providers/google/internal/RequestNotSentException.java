package dev.integrations.providers.google.internal;

import java.io.IOException;

/**
 * An I/O failure that happened before the request's first byte was written (DNS, connect, TLS): the
 * provider cannot have acted on it, so even a non-idempotent call may be retried.
 */
public final class RequestNotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  RequestNotSentException(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
