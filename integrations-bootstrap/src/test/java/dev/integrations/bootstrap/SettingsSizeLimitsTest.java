package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsSizeLimitsTest {

  @Test
  void size_limits_have_defaults() {
    Settings s = Settings.from(ConfigSource.of(Map.of()));

    assertThat(s.maxUploadBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(s.maxRequestBytes()).isEqualTo(1024L * 1024);
  }

  @Test
  void size_limits_are_configurable() {
    Settings s =
        Settings.from(
            ConfigSource.of(
                Map.of(
                    "INTEGRATIONS_MAX_UPLOAD_BYTES", "5000000000",
                    "INTEGRATIONS_MAX_REQUEST_BYTES", "65536")));

    assertThat(s.maxUploadBytes()).isEqualTo(5_000_000_000L);
    assertThat(s.maxRequestBytes()).isEqualTo(65536);
  }

  @Test
  void a_bad_size_names_the_key() {
    assertThatThrownBy(
            () -> Settings.from(ConfigSource.of(Map.of("INTEGRATIONS_MAX_UPLOAD_BYTES", "10MB"))))
        .hasMessageContaining("INTEGRATIONS_MAX_UPLOAD_BYTES");
    assertThatThrownBy(
            () -> Settings.from(ConfigSource.of(Map.of("INTEGRATIONS_MAX_REQUEST_BYTES", "0"))))
        .hasMessageContaining("INTEGRATIONS_MAX_REQUEST_BYTES");
  }
}
