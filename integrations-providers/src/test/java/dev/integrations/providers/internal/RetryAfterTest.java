package dev.integrations.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as seconds or as a date, and what is not one. */
class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void seconds_are_read_as_seconds() {
    assertThat(RetryAfter.parse(" 120 ", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void a_date_is_read_as_the_time_until_it_and_a_past_one_as_no_wait() {
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:30 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void anything_else_is_no_retry_after() {
    assertThat(RetryAfter.parse(null, NOW)).isNull();
    assertThat(RetryAfter.parse(" ", NOW)).isNull();
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse("-5", NOW)).isNull();
  }

  @Test
  void an_absurdly_long_wait_is_cut_to_a_year_not_an_error() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEqualTo(Duration.ofDays(365));
    assertThat(RetryAfter.parse("9223372036854775807", NOW)).isEqualTo(Duration.ofDays(365));
    assertThat(RetryAfter.parse("Fri, 01 Mar 2126 10:00:00 GMT", NOW))
        .isEqualTo(Duration.ofDays(365));
  }
}
