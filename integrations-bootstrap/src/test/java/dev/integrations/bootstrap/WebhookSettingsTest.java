package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private static WebhookSettings webhooks(Map<String, String> env) {
    return WebhookSettings.from(Settings.from(ConfigSource.of(env)));
  }

  @Test
  void webhooks_are_off_by_default_with_the_specifications_schedule() {
    WebhookSettings off = webhooks(Map.of());

    assertThat(off.enabled()).isFalse();
    assertThat(off.retrySchedule())
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
  }

  @Test
  void a_url_and_a_whsec_secret_turn_them_on() {
    WebhookSettings on =
        webhooks(
            Map.of(
                "INTEGRATIONS_WEBHOOK_URL",
                "https://hooks.example.com/in",
                "INTEGRATIONS_WEBHOOK_SECRET",
                "whsec_" + KEY,
                "INTEGRATIONS_WEBHOOK_RETRY_SCHEDULE",
                "1s, 2m",
                "INTEGRATIONS_WEBHOOK_TIMEOUT",
                "5s"));

    assertThat(on.endpoint()).isEqualTo(URI.create("https://hooks.example.com/in"));
    assertThat(on.key()).hasSize(32);
    assertThat(on.retrySchedule()).containsExactly(Duration.ofSeconds(1), Duration.ofMinutes(2));
    assertThat(on.lease()).isEqualTo(Duration.ofSeconds(10));
    assertThat(on.toString()).doesNotContain(KEY).contains("key=***");
  }

  @Test
  void a_malformed_secret_is_refused_at_start_up_without_echoing_it() {
    for (String secret :
        new String[] {
          KEY, "whsec_not*base64", "whsec_" + Base64.getEncoder().encodeToString(new byte[8])
        }) {
      Map<String, String> env =
          new HashMap<>(
              Map.of(
                  "INTEGRATIONS_WEBHOOK_URL",
                  "https://hooks.example.com/in",
                  "INTEGRATIONS_WEBHOOK_SECRET",
                  secret));
      assertThatThrownBy(() -> webhooks(env))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageStartingWith("INTEGRATIONS_WEBHOOK_SECRET must be whsec_")
          .hasMessageNotContaining(secret);
    }
  }

  @Test
  void a_url_without_a_secret_is_refused() {
    assertThatThrownBy(
            () -> webhooks(Map.of("INTEGRATIONS_WEBHOOK_URL", "https://hooks.example.com/in")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("INTEGRATIONS_WEBHOOK_SECRET must be too");
  }

  @Test
  void a_url_that_is_not_http_is_refused() {
    assertThatThrownBy(
            () ->
                webhooks(
                    Map.of(
                        "INTEGRATIONS_WEBHOOK_URL",
                        "ftp://hooks.example.com/in",
                        "INTEGRATIONS_WEBHOOK_SECRET",
                        "whsec_" + KEY)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("INTEGRATIONS_WEBHOOK_URL must be an http(s) URL");
  }

  @Test
  void retry_after_is_read_as_seconds_or_an_http_date() {
    assertThat(WebhookDispatcher.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(WebhookDispatcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .isEqualTo(Duration.ZERO);
    assertThat(WebhookDispatcher.retryAfter("soon")).isEqualTo(Duration.ZERO);
    assertThat(WebhookDispatcher.retryAfter(null)).isEqualTo(Duration.ZERO);
  }
}
