package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.HealthState;
import dev.integrations.core.port.ConnectionListener;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.HealthStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what calls, tests, refreshes and checks found out about a connection's health, and tells
 * the listeners of its transitions: {@link ConnectionEvent.Kind#REFRESH_FAILED} when a healthy
 * connection's refresh fails for a reason that may pass, {@link ConnectionEvent.Kind#RECOVERED}
 * when a degraded connection, or one that needed reauthorization, works again. A failure of the
 * health store is logged and never fails the call it is about.
 *
 * <p>Writes are read-modify-write without a lock: two processes recording at the same instant may
 * lose one failure from the count, never a state. A success on a healthy connection is written at
 * most once a minute. Thread-safe.
 */
public final class HealthRecorder implements ConnectionListener {
  private static final Logger LOG = LoggerFactory.getLogger(HealthRecorder.class);

  /** How stale {@code last_success} of a healthy connection may get before a success is written. */
  private static final Duration SUCCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

  private final HealthStore health;
  private final ConnectionStore connections;
  private final Clock clock;

  /**
   * The failure this thread's refresh recorded last, so that the call it failed does not count it
   * again.
   */
  private final ThreadLocal<Throwable> recordedHere = new ThreadLocal<>();

  private volatile EventPublisher events;

  /** Records in {@code health}, reading connections' identity from {@code connections}. */
  public HealthRecorder(HealthStore health, ConnectionStore connections, Clock clock) {
    this.health = health;
    this.connections = connections;
    this.clock = clock;
  }

  /**
   * Where transitions are published (set once, after the publisher that calls this listener is
   * built).
   */
  public void publishTo(EventPublisher publisher) {
    this.events = publisher;
  }

  /** A connect starts a fresh, healthy record, due for a check now; a disconnect forgets it. */
  @Override
  public void onEvent(ConnectionEvent event) {
    ConnectionKey key = new ConnectionKey(event.user(), event.type());
    if (event.kind() == ConnectionEvent.Kind.CONNECTED) {
      Instant connectedAt =
          connections.find(key.user(), key.type()).map(Connection::connectedAt).orElse(null);
      Instant now = clock.instant();
      health.save(
          ConnectionHealth.healthy(key.user(), key.type(), connectedAt, now).succeeded(now));
    } else if (event.kind() == ConnectionEvent.Kind.DISCONNECTED) {
      health.delete(key.user(), key.type());
    }
  }

  /** A call, test, refresh or check through the connection succeeded. */
  public void succeeded(ConnectionKey key) {
    recordedHere.remove();
    quietly(
        key,
        () -> {
          Instant now = clock.instant();
          ConnectionHealth current = current(key);
          if (current.isHealthy()
              && current.lastSuccess() != null
              && current.lastSuccess().plus(SUCCESS_WRITE_INTERVAL).isAfter(now)) {
            return;
          }
          ConnectionEvent recovered =
              current.isHealthy() ? null : event(ConnectionEvent.Kind.RECOVERED, key, null);
          save(current.succeeded(now), recovered);
        });
  }

  /**
   * A refresh failed: a reason that may pass makes the connection degraded (and tells the listeners
   * when it was healthy); a refusal of the grant makes it reauthorization_required.
   */
  public void refreshFailed(ConnectionKey key, IntegrationException failure) {
    record(key, failure, true);
    recordedHere.set(failure);
  }

  /**
   * A call, test or check failed with {@code failure}. Failures that say nothing about the
   * connection (a bad request, a refusal of the request itself, rate limits, our storage) change
   * nothing, nor does a failure this thread's refresh already recorded.
   */
  public void failed(ConnectionKey key, IntegrationException failure) {
    Throwable counted = recordedHere.get();
    recordedHere.remove();
    if (counted != failure) {
      record(key, failure);
    }
  }

  /**
   * Like {@link #failed(ConnectionKey, IntegrationException)} for a test the provider answered with
   * "no".
   */
  public void failed(ConnectionKey key, ErrorCode code, String message) {
    record(key, new IntegrationException(code, message));
  }

  /**
   * Whether {@code failure} is one this thread's refresh recorded (and so was already counted);
   * forgets it either way.
   */
  public boolean recordedOnThisThread(Throwable failure) {
    Throwable counted = recordedHere.get();
    recordedHere.remove();
    return counted == failure;
  }

  private void record(ConnectionKey key, IntegrationException failure) {
    record(key, failure, false);
  }

  /**
   * Records {@code failure}; a refresh failure that makes a healthy connection degraded is
   * announced ({@code connection.refresh_failed}) with the health it is saved with.
   */
  private void record(ConnectionKey key, IntegrationException failure, boolean refresh) {
    HealthState next = stateFor(failure.code());
    if (next == null) {
      return;
    }
    quietly(
        key,
        () -> {
          Instant now = clock.instant();
          ConnectionHealth current = current(key);
          boolean announced =
              refresh && current.state() == HealthState.HEALTHY && next == HealthState.DEGRADED;
          save(
              next == HealthState.DEGRADED
                  ? current.failedTransiently(failure.code(), failure.getMessage(), now)
                  : current.refused(failure.code(), failure.getMessage(), now),
              announced ? event(ConnectionEvent.Kind.REFRESH_FAILED, key, failure.code()) : null);
        });
  }

  /**
   * Saves {@code next}, with {@code transition} (null: none) recorded in the same write and told to
   * the listeners once saved.
   */
  private void save(ConnectionHealth next, ConnectionEvent transition) {
    if (transition == null) {
      health.save(next);
      return;
    }
    health.save(next, transition);
    EventPublisher publisher = events;
    if (publisher != null) {
      publisher.publish(transition);
    }
  }

  private ConnectionEvent event(ConnectionEvent.Kind kind, ConnectionKey key, ErrorCode reason) {
    return new ConnectionEvent(kind, key.user(), key.type(), reason, clock.instant());
  }

  /**
   * The health a failure with {@code code} means: degraded for failures that may pass,
   * reauthorization required when the provider refused the grant, null when it says nothing about
   * the connection.
   */
  public static HealthState stateFor(ErrorCode code) {
    return switch (code) {
      case PROVIDER_ERROR, PROVIDER_UNAVAILABLE, PROVIDER_TIMEOUT -> HealthState.DEGRADED;
      case REAUTHORIZATION_REQUIRED, MISSING_SCOPES, CREDENTIALS_REJECTED ->
          HealthState.REAUTHORIZATION_REQUIRED;
      default -> null;
    };
  }

  /**
   * The health to show for {@code connection}: the recorded one when it is about this connection,
   * else what the connection's own status says (healthy, or reauthorization_required for a
   * connection in error for a refused grant). Empty for a disconnected connection.
   */
  public static Optional<ConnectionHealth> view(Connection connection, ConnectionHealth recorded) {
    if (connection.status() == ConnectionStatus.DISCONNECTED) {
      return Optional.empty();
    }
    if (recorded != null && recorded.isAbout(connection.connectedAt())) {
      return Optional.of(recorded);
    }
    ConnectionHealth fresh =
        ConnectionHealth.healthy(
            connection.user(), connection.type(), connection.connectedAt(), null);
    ErrorCode error = connection.lastError();
    if (connection.status() == ConnectionStatus.ERROR
        && error != null
        && stateFor(error) == HealthState.REAUTHORIZATION_REQUIRED) {
      Instant at = connection.lastSync() != null ? connection.lastSync() : connection.connectedAt();
      return Optional.of(fresh.refused(error, connection.lastErrorMessage(), at));
    }
    return Optional.of(fresh);
  }

  /** The record of the connection as it is now (a fresh one when none is recorded about it). */
  private ConnectionHealth current(ConnectionKey key) {
    ConnectionHealth recorded = health.find(key.user(), key.type()).orElse(null);
    if (recorded != null) {
      return recorded;
    }
    Connection connection = connections.find(key.user(), key.type()).orElse(null);
    if (connection == null) {
      return ConnectionHealth.healthy(key.user(), key.type(), null, clock.instant());
    }
    return view(connection, null).orElseThrow().withNextCheck(clock.instant());
  }

  private static void quietly(ConnectionKey key, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("Could not record the health of {}", key, e);
    }
  }
}
