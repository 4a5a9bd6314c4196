package dev.integrations.testing.providers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a test plans for a stand-in's next calls of one endpoint: a status (429, 500, 503), how
 * many times, and the {@code Retry-After} to send with it. Thread-safe.
 */
public final class PlannedFailures {
  /**
   * A planned failure.
   *
   * @param status the HTTP status to answer
   * @param retryAfter the {@code Retry-After} value, or null
   * @param afterActing whether the stand-in does the work first (the mail is sent, the chunk
   *     stored) and then fails: the failure a client must not answer by repeating
   */
  public record Failure(int status, String retryAfter, boolean afterActing) {}

  private record Plan(Failure failure, AtomicInteger left) {}

  private final Map<String, Plan> plans = new ConcurrentHashMap<>();

  /** The next {@code times} calls of {@code endpoint} fail with {@code failure}. */
  public void plan(String endpoint, Failure failure, int times) {
    plans.put(endpoint, new Plan(failure, new AtomicInteger(times)));
  }

  /** The failure planned for this call of {@code endpoint}, or null. */
  public Failure take(String endpoint) {
    Plan plan = plans.get(endpoint);
    if (plan == null || plan.left().getAndDecrement() <= 0) {
      return null;
    }
    return plan.failure();
  }
}
