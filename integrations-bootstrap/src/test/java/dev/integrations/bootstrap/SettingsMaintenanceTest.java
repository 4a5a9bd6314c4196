package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsMaintenanceTest {

  @Test
  void the_maintenance_runs_every_ten_minutes_and_verifies_connections_idle_for_a_day_by_default() {
    Settings settings = Settings.from(ConfigSource.of(Map.of()));

    assertThat(settings.maintenanceInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.keepaliveIdle()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void both_are_written_like_every_duration() {
    Settings settings =
        Settings.from(
            ConfigSource.of(
                Map.of(
                    "INTEGRATIONS_MAINTENANCE_INTERVAL",
                    "90s",
                    "INTEGRATIONS_KEEPALIVE_IDLE",
                    "PT12H")));

    assertThat(settings.maintenanceInterval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.keepaliveIdle()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void a_bad_value_stops_the_start_with_the_key_named() {
    for (String key :
        new String[] {"INTEGRATIONS_MAINTENANCE_INTERVAL", "INTEGRATIONS_KEEPALIVE_IDLE"}) {
      assertThatThrownBy(() -> Settings.from(ConfigSource.of(Map.of(key, "0s"))))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessage(
              key + " must be a positive duration such as 90s, 10m, 24h or PT10M, not '0s'.");
    }
  }
}
