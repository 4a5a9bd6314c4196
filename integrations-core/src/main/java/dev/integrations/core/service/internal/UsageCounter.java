package dev.integrations.core.service.internal;

import dev.integrations.core.port.UsageStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each call through a connection in the {@link UsageStore}, after the call: one upsert, and a
 * failure of the store is logged, never passed on to the call it counts. Thread-safe.
 */
public final class UsageCounter {
  private static final Logger LOG = LoggerFactory.getLogger(UsageCounter.class);

  private final UsageStore usage;
  private final Clock clock;

  /** Counts into {@code usage}, timed by {@code clock}. */
  public UsageCounter(UsageStore usage, Clock clock) {
    this.usage = usage;
    this.clock = clock;
  }

  /** Counts one call of {@code action}, a failed one when {@code failed}. */
  public void count(ConnectionKey key, String action, boolean failed) {
    try {
      usage.record(key.user(), key.type(), action, failed, clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Could not count a call of {} through {}", action, key, e);
    }
  }
}
