package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integrations status TYPE}: health and usage, in words and as JSON, through the real
 * wiring.
 */
class StatusCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private StandIns standIns;

  @BeforeEach
  void start() {
    standIns = new StandIns();
  }

  @AfterEach
  void stop() {
    standIns.close();
  }

  private CliRunner cli() {
    return standIns.runner(data);
  }

  @Test
  void prints_the_health_and_the_calls_of_a_connection() {
    assertThat(cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN).exitCode())
        .isZero();
    assertThat(cli().run("telegram", "send", "--chat", "4711", "--text", "one").exitCode())
        .isZero();
    assertThat(
            cli()
                .run("telegram", "send", "--chat", StandIns.UNKNOWN_CHAT, "--text", "two")
                .exitCode())
        .isNotZero();

    CliRunner.Result status = cli().run("status", "telegram");

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("Telegram (telegram): connected as @alerts_bot")
        .contains("Health: healthy")
        .contains("Calls in the last 24 hours: 2 (1 failed)")
        .containsPattern("(?m)^send_message +2 +1 ");
  }

  @Test
  void json_gives_the_list_entry_with_health_and_the_usage_series() throws Exception {
    assertThat(cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN).exitCode())
        .isZero();
    standIns.botTokenRevoked = true;
    assertThat(cli().run("test", "telegram").exitCode()).isNotZero();

    CliRunner.Result status = cli().run("status", "telegram", "--json");

    assertThat(status.exitCode()).as(status.err()).isZero();
    JsonNode json = JSON.readTree(status.out());
    assertThat(json.path("type").asText()).isEqualTo("telegram");
    assertThat(json.path("health").path("state").asText()).isEqualTo("reauthorization_required");
    assertThat(json.path("health").path("last_error").asText()).isEqualTo("credentials_rejected");
    assertThat(json.path("usage_24h").path("calls").asLong()).isEqualTo(1);
    assertThat(json.path("usage").path("days")).hasSize(30);
    assertThat(json.path("usage").path("actions").get(0).path("action").asText()).isEqualTo("test");
  }

  @Test
  void a_type_never_connected_has_no_health_and_no_calls() throws Exception {
    CliRunner.Result status = cli().run("status", "telegram", "--json");

    assertThat(status.exitCode()).isZero();
    JsonNode json = JSON.readTree(status.out());
    assertThat(json.path("status").asText()).isEqualTo("disconnected");
    assertThat(json.path("health").isNull()).isTrue();
    assertThat(json.path("usage_24h").path("calls").asLong()).isZero();
  }
}
