package dev.integrations.providers.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Discord's buckets on a hand-driven clock: what a send waits for, and what is forgotten. */
class RateLimitBucketsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Long> slept = new ArrayList<>();
  private final RateLimitBuckets buckets =
      new RateLimitBuckets(
          now::get,
          nanos -> {
            slept.add(nanos);
            now.addAndGet(nanos);
          },
          Duration.ofSeconds(10));

  private static Map<String, List<String>> headers(String remaining, String resetAfter) {
    return Map.of(
        "x-ratelimit-bucket",
        List.of("abcd"),
        "x-ratelimit-remaining",
        List.of(remaining),
        "x-ratelimit-reset-after",
        List.of(resetAfter));
  }

  @Test
  void an_unknown_route_and_a_bucket_with_requests_left_do_not_wait() {
    buckets.awaitTurn("bot", "1");
    buckets.update("bot", "1", headers("1", "2.5"), false, null);
    buckets.awaitTurn("bot", "1");

    assertThat(slept).isEmpty();
  }

  @Test
  void an_exhausted_bucket_waits_until_it_refills() {
    buckets.update("bot", "1", headers("0", "2.5"), false, null);

    buckets.awaitTurn("bot", "1");

    assertThat(slept).containsExactly(2_500_000_000L);
  }

  @Test
  void the_last_request_of_a_bucket_is_taken_once_and_the_next_send_waits() {
    buckets.update("bot", "1", headers("1", "1.0"), false, null);

    buckets.awaitTurn("bot", "1");
    buckets.awaitTurn("bot", "1");

    assertThat(slept).containsExactly(1_000_000_000L);
  }

  @Test
  void another_channel_or_bot_does_not_wait_for_this_bucket() {
    buckets.update("bot", "1", headers("0", "5"), false, null);

    buckets.awaitTurn("bot", "2");
    buckets.awaitTurn("other-bot", "1");

    assertThat(slept).isEmpty();
  }

  @Test
  void a_global_limit_stops_every_channel_of_the_bot() {
    buckets.update("bot", "1", Map.of(), true, Duration.ofMillis(300));

    buckets.awaitTurn("bot", "2");

    assertThat(slept).containsExactly(300_000_000L);
  }

  @Test
  void a_wait_longer_than_allowed_fails_at_once_with_the_wait() {
    buckets.update("bot", "1", headers("0", "30"), false, null);

    ProviderException failure =
        catchThrowableOfType(ProviderException.class, () -> buckets.awaitTurn("bot", "1"));

    assertThat(failure.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(slept).isEmpty();
  }

  @Test
  void refilled_buckets_are_forgotten() {
    buckets.update("bot", "1", headers("0", "1"), false, null);
    buckets.update("bot", "2", headers("3", "1"), false, null);
    now.addAndGet(2_000_000_000L);

    buckets.forgetRefilled(now.get());

    assertThat(buckets.trackedBuckets()).isZero();
  }
}
