package dev.integrations.core.service.internal;

import dev.integrations.core.error.ConcurrentUpdateException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.RefreshLease;
import dev.integrations.core.port.RefreshLeases;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.Telemetry;
import dev.integrations.core.port.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One refresh of one connection's credentials, coordinated between processes. It reads the stored
 * credentials; when they need a refresh it takes the connection's {@link RefreshLeases lease},
 * reads again, calls the provider and writes with a compare-and-set on the version read. When
 * another process holds the lease it waits, reading the store again now and then, until that
 * process has written, its lease is released or has run out (then it takes the lease itself), or
 * its wait limit has passed. No database transaction or connection is held across the provider
 * call.
 *
 * <p>Thread-safe.
 */
public final class LeasedRefresh {
  private static final Logger LOG = LoggerFactory.getLogger(LeasedRefresh.class);
  private static final int MAX_WRITE_ATTEMPTS = 3;
  private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
  private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

  private final TokenStore tokens;
  private final RefreshLeases leases;
  private final GrantRefresh grants;
  private final Clock clock;
  private final Duration leaseTtl;

  /** Refreshes through {@code tokens}, holding {@code leases} for {@code leaseTtl} at most. */
  public LeasedRefresh(
      TokenStore tokens,
      RefreshLeases leases,
      ConnectionRecorder recorder,
      EventPublisher events,
      Clock clock,
      Duration leaseTtl,
      Telemetry telemetry) {
    this(tokens, leases, recorder, events, clock, leaseTtl, telemetry, null);
  }

  /** Like the other constructor, recording refresh outcomes in {@code health} (null: nowhere). */
  public LeasedRefresh(
      TokenStore tokens,
      RefreshLeases leases,
      ConnectionRecorder recorder,
      EventPublisher events,
      Clock clock,
      Duration leaseTtl,
      Telemetry telemetry,
      HealthRecorder health) {
    this.tokens = tokens;
    this.leases = leases;
    this.grants = new GrantRefresh(tokens, recorder, events, clock, telemetry, health);
    this.clock = clock;
    this.leaseTtl = leaseTtl;
  }

  /** How long a caller may wait for another process's refresh: one lease, and a last look. */
  public Duration waitLimit() {
    return leaseTtl.plus(LONGEST_PAUSE);
  }

  /**
   * Credentials that {@code needsRefresh} accepts: stored ones, or refreshed ones.
   *
   * @param tolerateOutageWhileValid hand out the stored access token when the provider is
   *     unavailable (or another process's refresh is late) and the token has not expired yet
   */
  Credentials run(
      ConnectionKey key,
      OAuthProviderPort provider,
      Predicate<StoredCredentials> needsRefresh,
      boolean tolerateOutageWhileValid) {
    // Waiting for another process is bounded by the wait limit, and by the caller's request
    // deadline.
    Deadline wait = Deadline.after(waitLimit()).sooner(Deadline.current());
    Duration pause = FIRST_PAUSE;
    int lostWrites = 0;
    while (true) {
      StoredCredentials stored = read(key);
      if (!needsRefresh.test(stored)) {
        return stored.credentials();
      }
      Optional<RefreshLease> lease = leases.tryAcquire(key.user(), key.type(), leaseTtl);
      if (lease.isPresent()) {
        Credentials refreshed;
        try {
          refreshed = grants.refresh(key, provider, needsRefresh, tolerateOutageWhileValid);
        } finally {
          release(lease.get());
        }
        if (refreshed != null) {
          return refreshed;
        }
        if (++lostWrites >= MAX_WRITE_ATTEMPTS) {
          throw new ConcurrentUpdateException(
              "The credentials of this connection kept changing while being refreshed; try again.");
        }
        LOG.debug("Credentials of {} changed while refreshing; reading them again", key);
      } else if (wait.isExpired()) {
        return waitedTooLong(key, stored, tolerateOutageWhileValid);
      } else {
        pause(wait.limit(pause));
        pause =
            pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
                ? LONGEST_PAUSE
                : pause.multipliedBy(2);
      }
    }
  }

  private Credentials waitedTooLong(
      ConnectionKey key, StoredCredentials stored, boolean tolerateOutageWhileValid) {
    Credentials current = stored.credentials();
    if (tolerateOutageWhileValid && !current.expiresWithin(Duration.ZERO, clock.instant())) {
      LOG.warn(
          "Another process's refresh of {} is late; using the access token until it expires at {}",
          key,
          current.expiresAt());
      return current;
    }
    throw new ProviderException(
        ErrorCode.PROVIDER_TIMEOUT,
        "Another server has been refreshing this connection for too long; try again.");
  }

  /** Gives the lease back; when that fails, the lease runs out by itself, so the refresh stands. */
  private void release(RefreshLease lease) {
    try {
      leases.release(lease);
    } catch (RuntimeException e) {
      LOG.warn("Could not release the refresh lease of {}; it runs out by itself", lease.type(), e);
    }
  }

  private StoredCredentials read(ConnectionKey key) {
    return tokens.find(key.user(), key.type()).orElseThrow(NotConnectedException::new);
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(
          ErrorCode.PROVIDER_TIMEOUT, "Interrupted while waiting for another server's refresh.", e);
    }
  }
}
