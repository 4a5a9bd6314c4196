package dev.integrations.core.service.internal;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.UsageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each call through a connection in the {@link UsageStore} without making the call wait: a
 * count goes into an in-memory tally (per connection, action and hour), and a daemon thread writes
 * the tally every second, one upsert per action and hour however many calls it holds. A durable
 * upsert costs a commit (3 ms on an H2 file, 8 ms on PostgreSQL, measured on a loaded test
 * machine), which a call no longer pays. Readers call {@link #flush(UserId)} first, so a process
 * reads its own counts; a failure of the store is logged and the tally it held is dropped. At most
 * {@value #MAX_PENDING} tallies wait; beyond that (a database down for long) counts are dropped,
 * with a warning.
 *
 * <p>Thread-safe. {@link #close()} writes what is pending and stops the thread; counts of a process
 * that dies are lost for at most one second.
 */
public final class UsageCounter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UsageCounter.class);
  private static final long FLUSH_MILLIS = 1_000;
  static final int MAX_PENDING = 10_000;

  private final UsageStore usage;
  private final Clock clock;
  private final Object lock = new Object();
  private Map<Key, Tally> pending = new HashMap<>();
  private boolean droppedWarned;
  private Thread writer;
  private boolean closed;

  private record Key(UserId user, IntegrationType type, String action, Instant hour) {}

  private static final class Tally {
    long calls;
    long failures;
    Instant lastUse;
  }

  /** Counts into {@code usage}, timed by {@code clock}. */
  public UsageCounter(UsageStore usage, Clock clock) {
    this.usage = usage;
    this.clock = clock;
  }

  /** Counts one call of {@code action}, a failed one when {@code failed}; returns at once. */
  public void count(ConnectionKey key, String action, boolean failed) {
    Instant now = clock.instant();
    synchronized (lock) {
      Key bucket = new Key(key.user(), key.type(), action, now.truncatedTo(ChronoUnit.HOURS));
      Tally tally = pending.get(bucket);
      if (tally == null) {
        if (pending.size() >= MAX_PENDING) {
          if (!droppedWarned) {
            droppedWarned = true;
            LOG.warn(
                "Usage counts are not being written (is the database down?); new counts are dropped");
          }
          return;
        }
        tally = new Tally();
        pending.put(bucket, tally);
      }
      tally.calls++;
      tally.failures += failed ? 1 : 0;
      tally.lastUse = tally.lastUse == null || now.isAfter(tally.lastUse) ? now : tally.lastUse;
      startWriter();
    }
  }

  /** Writes every count taken so far, on this thread. Never throws. */
  public void flush() {
    Map<Key, Tally> taken;
    synchronized (lock) {
      if (pending.isEmpty()) {
        return;
      }
      taken = pending;
      pending = new HashMap<>();
      droppedWarned = false;
    }
    write(taken);
  }

  /**
   * Writes the counts taken so far of {@code user}'s connections, on this thread: before reading
   * them.
   */
  public void flush(UserId user) {
    Map<Key, Tally> taken = new HashMap<>();
    synchronized (lock) {
      pending
          .entrySet()
          .removeIf(
              entry -> {
                if (entry.getKey().user().equals(user)) {
                  taken.put(entry.getKey(), entry.getValue());
                  return true;
                }
                return false;
              });
    }
    write(taken);
  }

  private void write(Map<Key, Tally> taken) {
    for (Map.Entry<Key, Tally> entry : taken.entrySet()) {
      Key key = entry.getKey();
      Tally tally = entry.getValue();
      try {
        usage.add(
            key.user(),
            key.type(),
            key.action(),
            tally.lastUse,
            new UsageCount(tally.calls, tally.failures));
      } catch (RuntimeException e) {
        LOG.warn(
            "Could not count {} call(s) of {} through {} of user {}",
            tally.calls,
            key.action(),
            key.type(),
            key.user(),
            e);
      }
    }
  }

  /** Writes what is pending and stops the writer thread. */
  @Override
  public void close() {
    Thread running;
    synchronized (lock) {
      closed = true;
      running = writer;
      writer = null;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
  }

  private void startWriter() {
    if (writer != null || closed) {
      return;
    }
    writer = new Thread(this::writeEverySecond, "integrations-usage");
    writer.setDaemon(true);
    writer.start();
  }

  private void writeEverySecond() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(FLUSH_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      flush();
    }
  }
}
