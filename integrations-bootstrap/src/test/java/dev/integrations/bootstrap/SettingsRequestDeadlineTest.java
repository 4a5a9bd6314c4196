package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsRequestDeadlineTest {

  private static Duration deadline(String value) {
    return Settings.from(ConfigSource.of(Map.of("INTEGRATIONS_REQUEST_DEADLINE", value)))
        .requestDeadline();
  }

  @Test
  void the_request_deadline_defaults_to_fifteen_seconds() {
    assertThat(Settings.from(ConfigSource.of(Map.of())).requestDeadline())
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void the_request_deadline_is_written_like_every_duration() {
    assertThat(deadline("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(deadline("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(deadline("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(deadline("PT10M")).isEqualTo(Duration.ofMinutes(10));
    assertThat(deadline("pt1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(deadline("1500ms")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void a_bad_request_deadline_names_the_key_and_the_forms() {
    for (String bad : new String[] {"15", "fast", "0s", "-PT5S", "10 minutes"}) {
      assertThatThrownBy(() -> deadline(bad))
          .as(bad)
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessage(
              "INTEGRATIONS_REQUEST_DEADLINE must be a positive duration such as 90s, 10m, 24h or PT10M, not '"
                  + bad
                  + "'.");
    }
  }
}
