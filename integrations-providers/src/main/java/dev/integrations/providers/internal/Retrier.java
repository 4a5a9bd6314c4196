package dev.integrations.providers.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a provider call with retries, the one retry loop of every provider: the provider's {@link
 * RetryRule} says what may be repeated, {@link RetrySettings} how often and how long, and the
 * current request {@link Deadline} how long there is. A retry is made only when its wait ({@link
 * Backoff}, or the provider's {@code Retry-After}) ends before both the deadline and {@code
 * maxDuration}; otherwise, as when the attempts run out or the provider asks for longer than {@code
 * maxRetryAfter}, the last attempt's answer or failure comes back at once, never after sleeping
 * past the deadline.
 *
 * <p>Not Failsafe, although its policies inspired this: Failsafe shortens a wait to fit its {@code
 * maxDuration} (retrying before a {@code Retry-After} only earns another 429) and decides to abort
 * without seeing the wait, so the deadline rule needed its evaluation order; here the wait is
 * decided, checked and slept in one readable place, with the clock, random source and sleep
 * injectable.
 *
 * <p>Immutable and thread-safe when its random source, clock and sleeper are (the defaults are).
 */
public final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  private final RetrySettings settings;
  private final Backoff backoff;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;

  /** One attempt of a call. */
  @FunctionalInterface
  public interface Attempt<T, E extends Exception> {
    /** Makes the attempt. */
    T get() throws E;
  }

  /** Sleeps between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps {@code wait}. */
    void sleep(Duration wait) throws InterruptedException;
  }

  /** Retries as {@code settings} say, on the system's clock, random source and sleep. */
  public Retrier(RetrySettings settings) {
    this(
        settings, () -> ThreadLocalRandom.current().nextDouble(), System::nanoTime, Retrier::sleep);
  }

  /**
   * Retries as {@code settings} say, with waits randomised by {@code random} (values in {@code [0,
   * 1)}), {@code maxDuration} measured on {@code nanoClock} and waits slept by {@code sleeper}.
   */
  public Retrier(
      RetrySettings settings, DoubleSupplier random, LongSupplier nanoClock, Sleeper sleeper) {
    this.settings = settings;
    this.backoff = new Backoff(settings, random);
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  /** The settings this retrier follows. */
  public RetrySettings settings() {
    return settings;
  }

  /**
   * Runs {@code attempt} until it returns an answer {@code rule} does not repeat, throws a failure
   * it does not repeat, or no retry is left or fits; then returns that answer or throws that
   * failure.
   *
   * @param service the provider, for the errors of this loop ("Gmail")
   * @throws E the last attempt's failure
   * @throws ProviderException {@code provider_timeout} when the deadline ran out before the first
   *     attempt, {@code provider_unavailable} when interrupted while waiting to retry
   */
  public <T, E extends Exception> T run(String service, RetryRule<T> rule, Attempt<T, E> attempt)
      throws E {
    return run(service, rule, attempt, Deadline.current());
  }

  /**
   * As {@link #run(String, RetryRule, Attempt)}, with {@code deadline} in place of the current
   * request's: for a step of a long transfer (an upload's chunk) whose waits are each bounded by a
   * window of their own, while the bytes may flow past the request's deadline.
   */
  public <T, E extends Exception> T run(
      String service, RetryRule<T> rule, Attempt<T, E> attempt, Deadline deadline) throws E {
    if (deadline.isExpired()) {
      throw deadline.exceeded(service);
    }
    Deadline budget = deadline.sooner(Deadline.after(settings.maxDuration(), nanoClock));
    for (int attempts = 1; ; attempts++) {
      T result;
      try {
        result = attempt.get();
      } catch (Exception failure) {
        Optional<Duration> wait = nextWait(attempts, rule.afterFailure(failure), budget);
        if (wait.isEmpty()) {
          throw failure;
        }
        rule.retrying(attempts, wait.get(), null, failure);
        pause(service, attempts, wait.get());
        continue;
      }
      Optional<Duration> wait = nextWait(attempts, rule.afterResult(result), budget);
      if (wait.isEmpty()) {
        return result;
      }
      rule.retrying(attempts, wait.get(), result, null);
      pause(service, attempts, wait.get());
    }
  }

  /**
   * The wait before the next attempt, or empty when there is none: not retryable, or no time for
   * it.
   */
  private Optional<Duration> nextWait(int failedAttempts, Verdict verdict, Deadline budget) {
    if (!verdict.retry() || failedAttempts >= settings.maxAttempts()) {
      return Optional.empty();
    }
    Duration asked = verdict.retryAfter();
    if (asked != null && asked.compareTo(settings.maxRetryAfter()) > 0) {
      return Optional.empty();
    }
    Duration wait = backoff.delay(failedAttempts, asked);
    return budget.allows(wait) ? Optional.of(wait) : Optional.empty();
  }

  private void pause(String service, int failedAttempts, Duration wait) {
    LOG.debug(
        "{}: attempt {} of {} failed, retrying in {} ms",
        service,
        failedAttempts,
        settings.maxAttempts(),
        wait.toMillis());
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE, "Interrupted while waiting to retry " + service + ".", e);
    }
  }

  private static void sleep(Duration wait) throws InterruptedException {
    long nanos = wait.toNanos();
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }

  @Override
  public String toString() {
    return "Retrier[" + settings + "]";
  }
}
