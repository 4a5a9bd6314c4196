package dev.integrations.core.port;

import dev.integrations.core.model.ConnectionEvent;

/**
 * Notified of what happens to connections, so that a host application can tell its user or pause a
 * workflow. Called on the thread that caused the event, after the change was stored; a listener
 * that throws is logged and otherwise ignored, it never breaks the operation.
 */
@FunctionalInterface
public interface ConnectionListener {
  /** Reacts to {@code event}; should return quickly, since it runs on the caller's thread. */
  void onEvent(ConnectionEvent event);
}
