package dev.integrations.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.providers.RetrySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry waits, with the random source pinned to its extremes. */
class BackoffTest {
  private static final RetrySettings SETTINGS =
      RetrySettings.builder()
          .backoff(Duration.ofMillis(500), Duration.ofSeconds(8))
          .jitter(0.25)
          .maxAttempts(10)
          .build();
  private static final double LOWEST = 0.0;
  private static final double HIGHEST = Math.nextDown(1.0);

  private static Duration delay(double random, int failedAttempts, Duration retryAfter) {
    return new Backoff(SETTINGS, () -> random).delay(failedAttempts, retryAfter);
  }

  @Test
  void each_wait_doubles_within_a_quarter_either_way_up_to_the_cap() {
    long[] baseMillis = {500, 1000, 2000, 4000, 8000, 8000, 8000};
    for (int attempt = 1; attempt <= baseMillis.length; attempt++) {
      Duration base = Duration.ofMillis(baseMillis[attempt - 1]);
      assertThat(delay(LOWEST, attempt, null))
          .as("attempt %d, lowest", attempt)
          .isEqualTo(base.multipliedBy(3).dividedBy(4));
      assertThat(delay(HIGHEST, attempt, null))
          .as("attempt %d, highest", attempt)
          .isLessThanOrEqualTo(base.multipliedBy(5).dividedBy(4))
          .isGreaterThan(base.multipliedBy(5).dividedBy(4).minusMillis(1));
      assertThat(delay(0.5, attempt, null)).as("attempt %d, middle", attempt).isEqualTo(base);
    }
  }

  @Test
  void a_retry_after_is_never_shortened_and_stretched_by_at_most_the_jitter() {
    Duration asked = Duration.ofSeconds(3);

    assertThat(delay(LOWEST, 1, asked)).isEqualTo(asked);
    assertThat(delay(HIGHEST, 4, asked))
        .isGreaterThanOrEqualTo(asked)
        .isLessThanOrEqualTo(Duration.ofMillis(3750));
  }

  @Test
  void a_huge_attempt_count_stays_at_the_cap() {
    assertThat(delay(0.5, 1_000, null)).isEqualTo(Duration.ofSeconds(8));
  }
}
