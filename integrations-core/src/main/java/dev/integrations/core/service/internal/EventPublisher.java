package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.port.ConnectionListener;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands connection events to the host's listeners; a failing listener is logged, never rethrown.
 */
public final class EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

  private final List<ConnectionListener> listeners;
  private final Clock clock;

  /** Publishes to {@code listeners}, stamping events with {@code clock}. */
  public EventPublisher(List<ConnectionListener> listeners, Clock clock) {
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  /** Tells every listener; a listener that throws is logged and skipped. */
  public void publish(ConnectionEvent.Kind kind, ConnectionKey key, ErrorCode reason) {
    publish(event(kind, key, reason));
  }

  /**
   * The event of {@code kind} on {@code key}, stamped now: to record with a store write, then
   * publish.
   */
  public ConnectionEvent event(ConnectionEvent.Kind kind, ConnectionKey key, ErrorCode reason) {
    return new ConnectionEvent(kind, key.user(), key.type(), reason, clock.instant());
  }

  /**
   * Tells every listener of {@code event} (recorded by the store write before); failures are
   * logged.
   */
  public void publish(ConnectionEvent event) {
    ConnectionEvent.Kind kind = event.kind();
    ConnectionKey key = new ConnectionKey(event.user(), event.type());
    for (ConnectionListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn(
            "Connection listener {} failed on {} of {}",
            listener.getClass().getName(),
            kind,
            key,
            e);
      }
    }
  }
}
