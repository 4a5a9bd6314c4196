package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** connect, list, test, telegram send and disconnect for Telegram, through the real wiring. */
class TelegramCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private StandIns standIns;

  @BeforeEach
  void start() throws Exception {
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
  void connects_with_a_bot_token_option_and_lists_the_connection() throws Exception {
    java.time.Instant started = java.time.Instant.now();
    CliRunner.Result connect = cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);

    assertThat(connect.exitCode()).isZero();
    assertThat(connect.out()).isEqualTo("Telegram connected for user local as @alerts_bot.\n");
    assertThat(connect.err()).isEmpty();
    assertThat(standIns.telegramCalls)
        .anySatisfy(r -> assertThat(r.getUrl().encodedPath()).endsWith("/getMe"));

    CliRunner.Result list = cli().run("list", "--json");
    assertThat(list.exitCode()).isZero();
    JsonNode telegram = find(JSON.readTree(list.out()), "telegram");
    assertThat(telegram.get("status").asText()).isEqualTo("connected");
    assertThat(telegram.get("account").get("display_name").asText()).isEqualTo("@alerts_bot");
    assertThat(telegram.get("requires_oauth").asBoolean()).isFalse();
    assertThat(java.time.Instant.parse(telegram.get("connected_at").asText()))
        .isBetween(started, java.time.Instant.now());
    assertThat(cli().run("list").out())
        .containsPattern("(?m)^telegram +Telegram +connected +@alerts_bot ");
  }

  @Test
  void prompts_for_the_token_without_echo_at_a_terminal() {
    CliRunner.Result connect =
        cli().atTerminal(StandIns.BOT_TOKEN).run("connect", "telegram", "--json");

    assertThat(connect.exitCode()).isZero();
    assertThat(connect.out()).contains("\"success\" : true", "\"integration_type\" : \"telegram\"");
    assertThat(connect.out() + connect.err()).doesNotContain(StandIns.BOT_TOKEN);
  }

  @Test
  void without_a_token_or_a_terminal_says_it_is_required() {
    CliRunner.Result connect = cli().run("connect", "telegram");

    assertThat(connect.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(connect.err())
        .isEqualTo("error: bot_token required for Telegram (bot_token_required)\n");
  }

  @Test
  void a_token_the_bot_api_refuses_is_invalid_input_and_nothing_is_stored() {
    CliRunner.Result connect =
        cli()
            .run(
                "connect",
                "telegram",
                "--bot-token",
                "123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    assertThat(connect.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(connect.err())
        .startsWith("error: ")
        .endsWith("(invalid_credentials)\n")
        .doesNotContain("AAAAAAAA");
    assertThat(cli().run("telegram", "send", "--chat", "4711", "--text", "hi").exitCode())
        .isEqualTo(ExitCodes.NOT_CONNECTED);
  }

  @Test
  void sends_a_message_from_an_option_or_from_standard_input() throws Exception {
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);

    CliRunner.Result sent =
        cli().run("telegram", "send", "--chat", "4711", "--text", "Deploy finished");
    assertThat(sent.exitCode()).isZero();
    assertThat(sent.out()).isEqualTo("Sent message 42 to chat 4711.\n");

    CliRunner.Result piped =
        cli().stdin("from a pipe").run("telegram", "send", "-c", "@alerts_channel", "--json");
    assertThat(piped.exitCode()).isZero();
    assertThat(JSON.readTree(piped.out())).isEqualTo(JSON.readTree("{\"message_id\": 42}"));
    assertThat(standIns.telegramCalls.get(standIns.telegramCalls.size() - 1).getBody().utf8())
        .contains("from a pipe", "@alerts_channel");
  }

  @Test
  void a_chat_the_bot_api_does_not_know_is_invalid_input() {
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);

    CliRunner.Result sent = cli().run("telegram", "send", "--chat", "404", "--text", "hi");

    assertThat(sent.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(sent.err()).contains("chat not found").endsWith("(provider_rejected)\n");
    assertThat(sent.err().lines()).hasSize(1);
  }

  @Test
  void test_passes_then_fails_with_reauthorization_exit_code_once_the_token_is_revoked()
      throws Exception {
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);

    CliRunner.Result passed = cli().run("test", "telegram");
    assertThat(passed.exitCode()).isZero();
    assertThat(passed.out()).startsWith("Telegram works: ");

    standIns.botTokenRevoked = true;
    CliRunner.Result failed = cli().run("test", "telegram");
    assertThat(failed.exitCode()).isEqualTo(ExitCodes.REAUTHORIZATION_REQUIRED);
    assertThat(failed.out()).isEmpty();
    assertThat(failed.err()).startsWith("error: ").endsWith("(credentials_rejected)\n");

    CliRunner.Result json = cli().run("test", "telegram", "--json");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.REAUTHORIZATION_REQUIRED);
    JsonNode result = JSON.readTree(json.out());
    assertThat(result.get("success").asBoolean()).isFalse();
    assertThat(result.get("code").asText()).isEqualTo("credentials_rejected");
    assertThat(result.get("integration_type").asText()).isEqualTo("telegram");
  }

  @Test
  void disconnect_deletes_the_connection_and_then_says_not_connected() throws Exception {
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);

    CliRunner.Result disconnect = cli().run("disconnect", "telegram", "--json");
    assertThat(disconnect.exitCode()).isZero();
    JsonNode json = JSON.readTree(disconnect.out());
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(json.get("message").asText()).isEqualTo("telegram disconnected successfully");
    assertThat(json.get("revocation").has("revoked")).isTrue();

    CliRunner.Result again = cli().run("disconnect", "telegram");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.NOT_CONNECTED);
    assertThat(again.err()).isEqualTo("error: Integration not connected (not_connected)\n");
    assertThat(cli().run("test", "telegram").exitCode()).isEqualTo(ExitCodes.NOT_CONNECTED);
  }

  @Test
  void connections_belong_to_the_user_named_by_the_option() throws Exception {
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN, "--user", "ann");

    assertThat(
            find(JSON.readTree(cli().run("list", "--json", "-u", "ann").out()), "telegram")
                .get("status")
                .asText())
        .isEqualTo("connected");
    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "telegram")
                .get("status")
                .asText())
        .isEqualTo("disconnected");
    assertThat(cli().run("telegram", "send", "--chat", "4711", "--text", "hi").exitCode())
        .isEqualTo(ExitCodes.NOT_CONNECTED);
  }

  private static JsonNode find(JsonNode list, String type) {
    for (JsonNode entry : list) {
      if (entry.get("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError(type + " not in " + list);
  }
}
