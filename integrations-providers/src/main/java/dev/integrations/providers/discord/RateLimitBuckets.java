package dev.integrations.providers.discord;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Discord's rate limits as its answers describe them, so that a send waits for its bucket instead
 * of earning a 429: each answer's {@code X-RateLimit-Bucket}, {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset-After} say how many requests the bucket of that route (per channel, its
 * major parameter) has left and when it refills; a 429 with {@code "global": true} stops every send
 * of that bot for its {@code retry_after}. A send to a bucket with nothing left reserves nothing
 * and waits for the refill, unless that is later than {@code maxWait} or the request's deadline:
 * then it fails at once with {@code rate_limited} and the wait. Buckets that refilled are
 * forgotten, so memory stays bounded.
 *
 * <p>Thread-safe.
 *
 * @see <a href="https://discord.com/developers/docs/topics/rate-limits">Discord rate limits</a>
 */
final class RateLimitBuckets {
  private static final int SWEEP_EVERY = 256;

  /** What a bucket has left, and when (on the pacer's clock) it refills. */
  private static final class Window {
    int remaining;
    long resetAt;

    Window(int remaining, long resetAt) {
      this.remaining = remaining;
      this.resetAt = resetAt;
    }
  }

  private final LongSupplier clock;
  private final Sleeper sleeper;
  private final Duration maxWait;
  private final Map<String, String> bucketOfRoute = new ConcurrentHashMap<>();
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Map<String, Long> globalUntil = new ConcurrentHashMap<>();
  private final AtomicLong updates = new AtomicLong();

  /** Waits a number of nanoseconds. */
  @FunctionalInterface
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  /** Buckets on the system's monotonic clock; a send waits at most 10 s for its bucket. */
  RateLimitBuckets() {
    this(System::nanoTime, TimeUnit.NANOSECONDS::sleep, Duration.ofSeconds(10));
  }

  RateLimitBuckets(LongSupplier clock, Sleeper sleeper, Duration maxWait) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxWait = maxWait;
  }

  /**
   * Waits until {@code bot} may send to {@code channel}, and takes one request of its bucket.
   *
   * @throws ProviderException {@code rate_limited} when the wait is longer than allowed
   */
  void awaitTurn(String bot, String channel) {
    while (true) {
      long now = clock.getAsLong();
      long wait = Math.max(0, globalUntil.getOrDefault(bot, now) - now);
      if (wait == 0) {
        wait = take(bot, channel, now);
      }
      if (wait == 0) {
        return;
      }
      long allowed = Math.min(maxWait.toNanos(), Deadline.current().remaining().toNanos());
      if (wait > allowed) {
        Duration asked = Duration.ofNanos(wait);
        throw new ProviderException(
            ErrorCode.RATE_LIMITED,
            "Discord's rate limit for this channel is used up;"
                + " nothing was sent. Try again in "
                + Math.max(1, (asked.toMillis() + 999) / 1000)
                + " s.",
            asked,
            null);
      }
      try {
        sleeper.sleepNanos(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException(
            ErrorCode.PROVIDER_UNAVAILABLE, "Interrupted while waiting for Discord's rate limit.");
      }
    }
  }

  /**
   * Takes one request of the route's bucket: 0 when taken, otherwise the nanoseconds until it
   * refills.
   */
  private long take(String bot, String channel, long now) {
    String bucket = bucketOfRoute.get(bot + "/" + channel);
    if (bucket == null) {
      return 0;
    }
    long[] wait = {0};
    windows.computeIfPresent(
        bucket,
        (key, window) -> {
          if (window.resetAt <= now) {
            return null; // refilled: unknown again until the next answer says
          }
          if (window.remaining > 0) {
            window.remaining--;
          } else {
            wait[0] = window.resetAt - now;
          }
          return window;
        });
    return wait[0];
  }

  /**
   * Learns from an answer's headers (names in lower case) what the route's bucket has left; a 429
   * with {@code global} stops the bot for {@code retryAfter}.
   */
  void update(
      String bot,
      String channel,
      Map<String, java.util.List<String>> headers,
      boolean global,
      Duration retryAfter) {
    long now = clock.getAsLong();
    if (global && retryAfter != null) {
      globalUntil.merge(bot, now + retryAfter.toNanos(), Math::max);
    }
    String bucket = first(headers, "x-ratelimit-bucket");
    String remaining = first(headers, "x-ratelimit-remaining");
    String resetAfter = first(headers, "x-ratelimit-reset-after");
    if (bucket != null && remaining != null && resetAfter != null) {
      try {
        int left = Integer.parseInt(remaining.trim());
        long reset = now + (long) (Double.parseDouble(resetAfter.trim()) * 1_000_000_000L);
        String key = bot + "/" + bucket + "/" + channel;
        bucketOfRoute.put(bot + "/" + channel, key);
        windows.put(key, new Window(left, reset));
      } catch (NumberFormatException unreadable) {
        // a bucket we cannot read paces nothing
      }
    }
    if (updates.incrementAndGet() % SWEEP_EVERY == 0) {
      forgetRefilled(now);
    }
  }

  /** Drops buckets that refilled and global stops that ended. */
  void forgetRefilled(long now) {
    windows.entrySet().removeIf(entry -> entry.getValue().resetAt <= now);
    bucketOfRoute.entrySet().removeIf(entry -> !windows.containsKey(entry.getValue()));
    globalUntil.entrySet().removeIf(entry -> entry.getValue() <= now);
  }

  /** How many buckets are remembered. */
  int trackedBuckets() {
    return windows.size();
  }

  private static String first(Map<String, java.util.List<String>> headers, String name) {
    java.util.List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
