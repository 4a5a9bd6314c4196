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

  /**
   * Marks the connection healthy as of now, with the account the provider reported (if any).
   * Changes nothing when the connection is gone (disconnected meanwhile).
   *
   * @return the connection as recorded, empty when there was none to record on
   */
  public Optional<Connection> recordSuccess(ConnectionKey key, Account account) {
    return find(key).flatMap(current -> recordSuccess(current, account));
  }

  /**
   * Like {@link #recordSuccess(ConnectionKey, Account)} for the connection as {@code seen} when the
   * call began: nothing changes if it was disconnected, or replaced by a new connect, since.
   */
  public Optional<Connection> recordSuccess(Connection seen, Account account) {
    Connection next = seen.synced(clock.instant());
    return update(account == null ? next : next.withAccount(account));
  }

  /**
   * Marks the connection unusable for {@code reason} and tells the listeners with {@code kind}.
   * Changes nothing and tells nobody when the connection is gone.
   *
   * @return the connection as recorded, empty when there was none to record on
   */
  public Optional<Connection> recordFailure(
      ConnectionKey key, ErrorCode reason, String message, ConnectionEvent.Kind kind) {
    return find(key).flatMap(current -> recordFailure(current, reason, message, kind));
  }

  /**
   * Records a refresh the provider granted. A refresh proves the grant is alive, not that it covers
   * what the integration needs: while the refreshed grant still lacks required scopes the
   * connection stays (or becomes) {@code missing_scopes}, naming only the scopes still missing;
   * once it has them all, the connection is healthy. Changes nothing when the connection is gone.
   *
   * @param missingScopes the required scopes the refreshed grant lacks
   * @return the connection as recorded, empty when there was none to record on
   */
  public Optional<Connection> recordRefresh(ConnectionKey key, Set<String> missingScopes) {
    if (missingScopes.isEmpty()) {
      return recordSuccess(key, null);
    }
    return find(key)
        .flatMap(
            current -> {
              Connection next =
                  current.failed(
                      ErrorCode.MISSING_SCOPES, MissingScopesException.describe(missingScopes));
              if (current.lastError() == ErrorCode.MISSING_SCOPES) {
                return update(next);
              }
              return updateAndPublish(
                  next,
                  events.event(
                      ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED,
                      key,
                      ErrorCode.MISSING_SCOPES));
            });
  }

  /**
   * Like {@link #recordFailure(ConnectionKey, ErrorCode, String, ConnectionEvent.Kind)} for the
   * connection as {@code seen} when the call began: nothing changes and nobody is told if it was
   * disconnected, or replaced by a new connect, since.
   */
  public Optional<Connection> recordFailure(
      Connection seen, ErrorCode reason, String message, ConnectionEvent.Kind kind) {
    return updateAndPublish(
        seen.failed(reason, message),
        events.event(kind, new ConnectionKey(seen.user(), seen.type()), reason));
  }

  /**
   * Writes {@code next} with {@code event} in one store write, then tells the listeners if it was
   * written.
   */
  private Optional<Connection> updateAndPublish(Connection next, ConnectionEvent event) {
    if (!connections.update(next, event)) {
      return Optional.empty();
    }
    events.publish(event);
    return Optional.of(next);
  }

  private Optional<Connection> update(Connection next) {
    return connections.update(next) ? Optional.of(next) : Optional.empty();
  }

  /** The stored connection of {@code key}, if any. */
  public Optional<Connection> find(ConnectionKey key) {
    return connections.find(key.user(), key.type());
  }
}
