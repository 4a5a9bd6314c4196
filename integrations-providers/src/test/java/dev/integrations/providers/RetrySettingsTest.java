package dev.integrations.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The one retry settings type: its defaults, its checks, and that a built instance never changes.
 */
class RetrySettingsTest {
  @Test
  void the_defaults_are_four_attempts_from_half_a_second_to_eight_within_thirty_seconds() {
    RetrySettings defaults = RetrySettings.defaults();

    assertThat(defaults.maxAttempts()).isEqualTo(4);
    assertThat(defaults.initialDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.maxDelay()).isEqualTo(Duration.ofSeconds(8));
    assertThat(defaults.jitter()).isEqualTo(0.25);
    assertThat(defaults.maxDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(RetrySettings.builder().build()).isEqualTo(defaults);
  }

  @Test
  void build_copies_so_a_reused_builder_never_changes_what_it_built() {
    RetrySettings.Builder builder = RetrySettings.builder().maxAttempts(2);
    RetrySettings two = builder.build();

    RetrySettings three = builder.maxAttempts(3).build();

    assertThat(two.maxAttempts()).isEqualTo(2);
    assertThat(three.maxAttempts()).isEqualTo(3);
  }

  @Test
  void to_builder_starts_from_the_settings_and_leaves_them_alone() {
    RetrySettings quick =
        RetrySettings.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();

    RetrySettings once = quick.toBuilder().maxAttempts(1).build();

    assertThat(once.initialDelay()).isEqualTo(Duration.ofMillis(10));
    assertThat(once.maxAttempts()).isEqualTo(1);
    assertThat(quick.maxAttempts()).isEqualTo(4);
  }

  @Test
  void bad_values_are_refused_with_a_clear_message_when_set() {
    RetrySettings.Builder builder = RetrySettings.builder();

    assertThatThrownBy(() -> builder.maxAttempts(0)).hasMessage("maxAttempts must be at least 1");
    assertThatThrownBy(() -> builder.backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessage("initialDelay must be positive");
    assertThatThrownBy(() -> builder.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("maxDelay must not be shorter than initialDelay");
    assertThatThrownBy(() -> builder.jitter(1.0)).hasMessage("jitter must be in [0, 1)");
    assertThatThrownBy(() -> builder.jitter(Double.NaN)).hasMessage("jitter must be in [0, 1)");
    assertThatThrownBy(() -> builder.maxDuration(Duration.ofSeconds(-1)))
        .hasMessage("maxDuration must be positive");
    assertThatThrownBy(() -> builder.maxRetryAfter(Duration.ofSeconds(-1)))
        .hasMessage("maxRetryAfter must not be negative");
    assertThat(builder.build()).as("nothing changed").isEqualTo(RetrySettings.defaults());
  }
}
