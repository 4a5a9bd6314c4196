package dev.integrations.core.service.internal;

import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.NotConnectedException;
import java.util.function.Supplier;

/**
 * Runs one call through a connection and, after it, counts it ({@link UsageCounter}) and records
 * what it says about the connection's health ({@link HealthRecorder}). Neither ever fails the call
 * or changes its outcome. Thread-safe.
 */
public final class CallObserver {
  private final UsageCounter usage;
  private final HealthRecorder health;

  /** Counts in {@code usage}, records in {@code health}. */
  public CallObserver(UsageCounter usage, HealthRecorder health) {
    this.usage = usage;
    this.health = health;
  }

  /**
   * Runs {@code call}, the action {@code action} through the connection {@code key}, and records
   * it.
   */
  public <T> T observe(ConnectionKey key, String action, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (NotConnectedException e) {
      throw e; // no connection: nothing to count or record on
    } catch (IntegrationException e) {
      usage.count(key, action, true);
      health.failed(key, e);
      throw e;
    } catch (RuntimeException | Error e) {
      usage.count(key, action, true);
      throw e;
    }
    usage.count(key, action, false);
    health.succeeded(key);
    return result;
  }
}
