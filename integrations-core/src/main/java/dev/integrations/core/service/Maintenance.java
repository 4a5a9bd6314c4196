package dev.integrations.core.service;

import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.HealthState;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.service.internal.ConnectionKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background maintenance of connections: every {@linkplain
 * Integrations.Builder#maintenanceInterval interval} it refreshes the access tokens that would
 * expire before the next run, verifies (with a test call) connections unused for longer than the
 * {@linkplain Integrations.Builder#keepaliveIdle keep-alive idle time} ({@value
 * #NEVER_EXPIRING_IDLE_DAYS} days for credentials that never expire), records what it finds in
 * their health, and deletes usage older than 30 days.
 *
 * <p>It takes due connections in batches of {@value #BATCH_SIZE} with {@link
 * dev.integrations.core.port.HealthStore#claimDue}, so processes sharing a database share the work
 * and never check one connection twice at once; each claim is a short transaction, and every
 * provider call happens after it, outside any transaction. A refresh goes through the same
 * one-flight, cross-process leased refresh as a request's, so a user's request and the job never
 * refresh one token twice. Nobody waits for the job.
 *
 * <p>{@link #start()} runs it on one daemon thread until {@link #close()}; {@link #runOnce()} runs
 * it now, on the caller's thread. Thread-safe.
 */
public final class Maintenance implements AutoCloseable {
  /** The default interval: 10 minutes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

  /** The default keep-alive idle time: 24 hours. */
  public static final Duration DEFAULT_KEEPALIVE_IDLE = Duration.ofHours(24);

  /** How long credentials that never expire may go unused before they are verified, in days. */
  public static final int NEVER_EXPIRING_IDLE_DAYS = 7;

  /** How many connections one claim takes. */
  public static final int BATCH_SIZE = 20;

  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final IntegrationService service;
  private final Monitoring monitoring;
  private final Clock clock;
  private final Duration interval;
  private final Duration keepaliveIdle;
  private final Duration refreshHorizon;
  private final Duration claimFor;
  private ScheduledExecutorService scheduler;

  Maintenance(
      IntegrationService service,
      Clock clock,
      Duration interval,
      Duration keepaliveIdle,
      Duration refreshMargin) {
    this.service = service;
    this.monitoring = service.monitoring();
    this.clock = clock;
    this.interval = interval;
    this.keepaliveIdle = keepaliveIdle;
    this.refreshHorizon = interval.plus(refreshMargin);
    // Long enough for a batch of slow checks; a process that died with a claim frees it after this.
    this.claimFor = service.requestDeadline().multipliedBy(BATCH_SIZE).plus(Duration.ofMinutes(1));
  }

  /** What one run did. */
  public record Report(
      int checked, int refreshed, int verified, int failed, int usageBucketsPruned) {}

  /**
   * Runs the maintenance every interval on a daemon thread, the first time one interval from now.
   */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "integrations-maintenance");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    LOG.info(
        "Connection maintenance every {}, verifying connections unused for {}",
        interval,
        keepaliveIdle);
  }

  /**
   * Stops the scheduled runs, letting a run in progress finish its current connection (up to 10 s).
   */
  @Override
  public synchronized void close() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("The connection maintenance did not stop within {}", STOP_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }

  private void runQuietly() {
    try {
      Report report = runOnce();
      if (report.checked() > 0) {
        LOG.info("Connection maintenance: {}", report);
      }
    } catch (RuntimeException e) {
      LOG.warn("Connection maintenance failed; it runs again in {}", interval, e);
    }
  }

  /**
   * One run, now, on this thread: claims and checks due connections until none is left or one
   * interval passed.
   */
  public Report runOnce() {
    Instant started = clock.instant();
    int checked = 0;
    int refreshed = 0;
    int verified = 0;
    int failed = 0;
    while (!Thread.currentThread().isInterrupted()
        && clock.instant().isBefore(started.plus(interval))) {
      // Due at the start of the run: a connection rescheduled during it waits for the next run.
      Instant now = clock.instant();
      List<ConnectionHealth> batch =
          monitoring.health().claimDue(started, now.plus(claimFor), BATCH_SIZE);
      if (batch.isEmpty()) {
        break;
      }
      for (ConnectionHealth due : batch) {
        Outcome outcome = checkAndRelease(due);
        checked++;
        refreshed += outcome.refreshed ? 1 : 0;
        verified += outcome.verified ? 1 : 0;
        failed += outcome.failed ? 1 : 0;
      }
    }
    return new Report(checked, refreshed, verified, failed, monitoring.pruneUsage());
  }

  private record Outcome(boolean refreshed, boolean verified, boolean failed, Instant nextCheck) {}

  private Outcome checkAndRelease(ConnectionHealth due) {
    ConnectionKey key = new ConnectionKey(due.user(), due.type());
    Outcome outcome = new Outcome(false, false, true, clock.instant().plus(interval));
    try {
      outcome = check(key, due);
    } catch (RuntimeException e) {
      LOG.warn("Maintenance of {} failed; it is tried again in {}", key, interval, e);
    }
    if (outcome != null) {
      monitoring.health().release(key.user(), key.type(), outcome.nextCheck());
    }
    return outcome == null ? new Outcome(false, false, false, null) : outcome;
  }

  /** Checks one connection; null when it is gone (its health is then forgotten). */
  private Outcome check(ConnectionKey key, ConnectionHealth due) {
    Optional<StoredCredentials> stored = service.tokens().find(key.user(), key.type());
    Optional<Connection> connection = service.connectionStore().find(key.user(), key.type());
    if (stored.isEmpty() || connection.isEmpty()) {
      monitoring.health().delete(key.user(), key.type());
      return null;
    }
    Instant now = clock.instant();
    ConnectionHealth health = monitoring.health().find(key.user(), key.type()).orElse(due);
    if (connection.get().needsReauthorization()
        || health.state() == HealthState.REAUTHORIZATION_REQUIRED) {
      return new Outcome(false, false, false, now.plus(keepaliveIdle)); // only the user can mend it
    }
    ProviderPort provider = service.providers().provider(key.type());
    Credentials credentials = stored.get().credentials();
    boolean refreshed = false;
    if (provider instanceof OAuthProviderPort oauth
        && credentials.expiresWithin(refreshHorizon, now)) {
      try {
        credentials =
            Deadline.after(service.requestDeadline())
                .run(() -> service.refresher().refreshExpiringWithin(key, oauth, refreshHorizon));
        refreshed = true;
      } catch (IntegrationException e) {
        return new Outcome(
            false, false, true, now.plus(interval)); // recorded by the refresh; try next run
      }
    }
    Duration idleLimit =
        credentials.expiresAt() == null ? Duration.ofDays(NEVER_EXPIRING_IDLE_DAYS) : keepaliveIdle;
    Instant lastUse =
        latest(health.lastSuccess(), connection.get().lastSync(), connection.get().connectedAt());
    boolean verified = false;
    if (lastUse == null || !lastUse.plus(idleLimit).isAfter(now)) {
      TestResult result;
      try {
        result = service.check(key.user(), key.type());
      } catch (IntegrationException e) {
        return new Outcome(refreshed, true, true, now.plus(interval));
      }
      if (!result.success()) {
        return new Outcome(refreshed, true, true, now.plus(interval));
      }
      verified = true;
      lastUse = clock.instant();
    }
    Instant next = lastUse.plus(idleLimit);
    if (credentials.expiresAt() != null) {
      Instant beforeExpiry = credentials.expiresAt().minus(refreshHorizon);
      next = beforeExpiry.isBefore(next) ? beforeExpiry : next;
    }
    Instant soonest = now.plusMillis(1); // not again in this run
    return new Outcome(refreshed, verified, false, next.isBefore(soonest) ? soonest : next);
  }

  private static Instant latest(Instant... instants) {
    Instant latest = null;
    for (Instant instant : instants) {
      if (instant != null && (latest == null || instant.isAfter(latest))) {
        latest = instant;
      }
    }
    return latest;
  }
}
