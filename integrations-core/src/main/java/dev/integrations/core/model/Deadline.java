package dev.integrations.core.model;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The moment by which a request must have its answer, on a monotonic clock. A use case opens one
 * per request with {@link #run}; the adapters read it with {@link #current()} and size each
 * attempt, each retry wait and each wait for another thread's work to what is {@linkplain
 * #remaining() left}, so that the request answers in time however many provider calls it makes (a
 * refresh, the call, a refresh after a 401, the call again).
 *
 * <p>The current deadline is kept per thread for the duration of {@link #run} only, like gRPC's
 * {@code Context} deadline: the ports stay free of a parameter that every adapter and every caller
 * would have to pass along, and waits deep in the stack (a refresh another caller leads) see it
 * too. Work handed to another thread must carry it there with {@code Deadline.current().run(…)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Deadline {
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();
  private static final long FOREVER = Long.MAX_VALUE;
  private static final Deadline NONE = new Deadline(null, Duration.ZERO, 0);

  private final LongSupplier nanoClock;
  private final Duration timeout;
  private final long expiresAtNanos;

  private Deadline(LongSupplier nanoClock, Duration timeout, long expiresAtNanos) {
    this.nanoClock = nanoClock;
    this.timeout = timeout;
    this.expiresAtNanos = expiresAtNanos;
  }

  /** A deadline {@code timeout} from now on the system's monotonic clock. */
  public static Deadline after(Duration timeout) {
    return after(timeout, System::nanoTime);
  }

  /**
   * A deadline {@code timeout} from now on {@code nanoClock} (nanoseconds, like {@link
   * System#nanoTime()}).
   */
  public static Deadline after(Duration timeout, LongSupplier nanoClock) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(nanoClock, "nanoClock");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a deadline needs a positive timeout");
    }
    long nanos = saturatedNanos(timeout);
    return new Deadline(nanoClock, timeout, nanoClock.getAsLong() + nanos);
  }

  /** No deadline: never expires. */
  public static Deadline none() {
    return NONE;
  }

  /**
   * The deadline of the request this thread is working for, or {@link #none()} outside any {@link
   * #run}.
   */
  public static Deadline current() {
    Deadline current = CURRENT.get();
    return current == null ? NONE : current;
  }

  /**
   * Runs {@code work} with this deadline as the {@linkplain #current() current} one, or the current
   * one if it is sooner (a nested request never gets more time than the one around it). The
   * previous deadline is back in place when {@code work} returns or throws.
   */
  public <T> T run(Supplier<T> work) {
    Deadline outer = CURRENT.get();
    CURRENT.set(outer == null ? this : outer.sooner(this));
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Whether this deadline ever expires ({@link #none()} does not). */
  public boolean isBounded() {
    return nanoClock != null;
  }

  /** The whole time this deadline was given; zero for {@link #none()}. */
  public Duration timeout() {
    return timeout;
  }

  /** What is left, never negative; practically unlimited for {@link #none()}. */
  public Duration remaining() {
    return Duration.ofNanos(remainingNanos());
  }

  /** Whether no time is left. */
  public boolean isExpired() {
    return remainingNanos() == 0;
  }

  /** Whether a wait of {@code wait} ends before this deadline. */
  public boolean allows(Duration wait) {
    return saturatedNanos(wait) <= remainingNanos();
  }

  /** {@code timeout}, shortened to what is left of this deadline. */
  public Duration limit(Duration timeout) {
    return saturatedNanos(timeout) <= remainingNanos() ? timeout : remaining();
  }

  /** Whichever of the two deadlines leaves less time. */
  public Deadline sooner(Deadline other) {
    return other.remainingNanos() < remainingNanos() ? other : this;
  }

  /**
   * The failure to report when this deadline ran out while waiting for {@code service} ("Gmail"): a
   * {@link ErrorCode#PROVIDER_TIMEOUT}, which says how long the request was allowed.
   */
  public ProviderException exceeded(String service) {
    return new ProviderException(
        ErrorCode.PROVIDER_TIMEOUT,
        service
            + " did not answer in time: the request's deadline of "
            + describe(timeout)
            + " ran out.");
  }

  /**
   * Waits for {@code future} until this deadline, and returns its value.
   *
   * @throws CompletionException with the future's failure as cause, when it failed
   * @throws ProviderException {@link ErrorCode#PROVIDER_TIMEOUT} (from {@link #exceeded}) when the
   *     deadline ran out first, {@link ErrorCode#PROVIDER_UNAVAILABLE} when interrupted
   */
  public <T> T await(CompletableFuture<T> future, String service) {
    if (!isBounded()) {
      return future.join();
    }
    try {
      return future.get(remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (TimeoutException e) {
      throw exceeded(service);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE, "Interrupted while waiting for " + service + ".");
    }
  }

  private long remainingNanos() {
    if (!isBounded()) {
      return FOREVER;
    }
    return Math.max(0, expiresAtNanos - nanoClock.getAsLong());
  }

  private static long saturatedNanos(Duration duration) {
    if (duration.isNegative()) {
      return 0;
    }
    try {
      return Math.min(duration.toNanos(), FOREVER / 4);
    } catch (ArithmeticException tooLong) {
      return FOREVER / 4;
    }
  }

  /** {@code 15 s}, {@code 1.5 s} or {@code 800 ms}. */
  static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  @Override
  public String toString() {
    return isBounded() ? "Deadline[" + remaining() + " of " + timeout + " left]" : "Deadline[none]";
  }
}
