package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.port.ConnectionStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

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

  /**
   * Records a refresh the provider granted. A refresh proves the grant is alive, not that it covers
   * what the integration needs: while the refreshed grant still lacks required scopes the connection
   * stays (or becomes) {@code missing_scopes}, naming only the scopes still missing; once it has them
   * all, the connection is healthy.
   *
   * @param missingScopes the required scopes the refreshed grant lacks
   */
  public Connection recordRefresh(ConnectionKey key, Set<String> missingScopes) {
    if (missingScopes.isEmpty()) {
      return recordSuccess(key, null);
    }
    Connection current = current(key);
    Connection next = current.failed(ErrorCode.MISSING_SCOPES, MissingScopesException.describe(missingScopes));
    connections.save(next);
    if (current.lastError() != ErrorCode.MISSING_SCOPES) {
      events.publish(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED, key, ErrorCode.MISSING_SCOPES);
    }
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
