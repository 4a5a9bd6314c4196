package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.port.ConnectionStore;
import java.time.Clock;
import java.util.Optional;

/** Records what calls through a connection found out: healthy again, or failed for a reason. */
public final class ConnectionRecorder {
  private final ConnectionStore connections;
  private final EventPublisher events;
  private final Clock clock;

  /** Records on {@code connections}, publishing to {@code events}, timed by {@code clock}. */
  public ConnectionRecorder(ConnectionStore connections, EventPublisher events, Clock clock) {
    this.connections = connections;
    this.events = events;
    this.clock = clock;
  }

  /** Marks the connection healthy as of now, with the account the provider reported (if any). */
  public Connection recordSuccess(ConnectionKey key, Account account) {
    Connection next = current(key).synced(clock.instant());
    if (account != null) {
      next = next.withAccount(account);
    }
    connections.save(next);
    return next;
  }

  /** Marks the connection unusable for {@code reason} and tells the listeners with {@code kind}. */
  public Connection recordFailure(
      ConnectionKey key, ErrorCode reason, String message, ConnectionEvent.Kind kind) {
    Connection next = current(key).failed(reason, message);
    connections.save(next);
    events.publish(kind, key, reason);
    return next;
  }

  /** The stored connection, or a connected one as of now when the status row is missing. */
  private Connection current(ConnectionKey key) {
    return find(key).orElseGet(() -> Connection.connected(key.user(), key.type(), clock.instant(), null));
  }

  /** The stored connection of {@code key}, if any. */
  public Optional<Connection> find(ConnectionKey key) {
    return connections.find(key.user(), key.type());
  }
}
