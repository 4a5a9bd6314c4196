package dev.integrations.cli;

import static dev.integrations.cli.GoogleConnectTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * list, bot-token validation and the exit codes scripts tell failures apart by, through the real
 * wiring.
 */
class CommandsTest {
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
  void list_shows_every_integration_of_the_catalog_disconnected_at_first() throws Exception {
    CliRunner.Result table = cli().run("list");

    assertThat(table.exitCode()).isZero();
    assertThat(table.err()).isEmpty();
    assertThat(table.out().lines().toList())
        .as("a header and the twelve providers of the catalog")
        .hasSize(13);
    assertThat(table.out())
        .containsPattern("^TYPE +NAME +STATUS +ACCOUNT +CONNECTED +LAST SYNC +ERROR\\n")
        .containsPattern("(?m)^gmail +Gmail +disconnected")
        .containsPattern("(?m)^google_drive +Google Drive +disconnected")
        .containsPattern("(?m)^telegram +Telegram +disconnected")
        .containsPattern("(?m)^slack +Slack +disconnected")
        .containsPattern("(?m)^microsoft_teams +Microsoft Teams +disconnected");

    JsonNode json = JSON.readTree(cli().run("list", "--json").out());
    assertThat(json).hasSize(12);
    JsonNode gmail = find(json, "gmail");
    assertThat(gmail.fieldNames())
        .toIterable()
        .containsExactly(
            "type",
            "name",
            "description",
            "icon",
            "requires_oauth",
            "configured",
            "capabilities",
            "status",
            "last_sync",
            "connected_at",
            "last_error",
            "last_error_message",
            "account",
            "scopes",
            "health",
            "usage_24h");
    assertThat(gmail.get("name").asText()).isEqualTo("Gmail");
    assertThat(gmail.get("description").asText())
        .isEqualTo("Send and receive emails via Gmail API");
    assertThat(gmail.get("icon").asText()).isEqualTo("mail");
    assertThat(find(json, "google_drive").get("icon").asText()).isEqualTo("hard-drive");
    assertThat(find(json, "telegram").get("description").asText())
        .isEqualTo("Send messages via Telegram bot");
    assertThat(gmail.get("status").asText()).isEqualTo("disconnected");
    assertThat(gmail.get("connected_at").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-token",
        "123456789:AAHdq Tcv?x=1",
        "123:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/../../x"
      })
  void a_malformed_bot_token_is_invalid_input_refused_before_any_call_and_nothing_is_saved(
      String token) throws Exception {
    CliRunner.Result connect = cli().run("connect", "telegram", "--bot-token", token);

    assertThat(connect.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(connect.out()).isEmpty();
    assertThat(connect.err()).startsWith("error: ").doesNotContain(token);
    assertThat(connect.err().lines()).hasSize(1);
    assertThat(standIns.telegramCalls).isEmpty();
    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "telegram")
                .get("status")
                .asText())
        .isEqualTo("disconnected");
  }

  @Test
  void a_provider_that_keeps_failing_exits_with_the_provider_failure_code() {
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);
    standIns.telegramFailure = 502;

    CliRunner.Result sent = cli().run("telegram", "send", "--chat", "4711", "--text", "hi");

    assertThat(sent.exitCode()).isEqualTo(ExitCodes.PROVIDER_FAILURE);
    assertThat(sent.out()).isEmpty();
    assertThat(sent.err())
        .startsWith("error: ")
        .containsPattern("\\((provider_error|provider_unavailable)\\)\\n$");
    assertThat(sent.err().lines()).hasSize(1);
  }

  @Test
  void usage_not_connected_reauthorization_and_provider_failures_exit_with_distinct_codes() {
    CliRunner.Result usage = cli().run("telegram", "send", "--text", "no chat given");
    CliRunner.Result unknownOption = cli().run("list", "--colour");
    CliRunner.Result notConnected = cli().run("test", "telegram");
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);
    standIns.botTokenRevoked = true;
    CliRunner.Result reauthorize = cli().run("telegram", "send", "--chat", "4711", "--text", "hi");
    standIns.telegramFailure = 502;
    CliRunner.Result providerFailed = cli().run("test", "telegram");

    assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(usage.err()).contains("--chat").endsWith("(usage)\n");
    assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknownOption.err()).startsWith("error: Unknown option: '--colour'");
    assertThat(notConnected.exitCode()).isEqualTo(ExitCodes.NOT_CONNECTED);
    assertThat(reauthorize.exitCode()).isEqualTo(ExitCodes.REAUTHORIZATION_REQUIRED);
    assertThat(providerFailed.exitCode()).isEqualTo(ExitCodes.PROVIDER_FAILURE);
    assertThat(
            Set.of(
                usage.exitCode(),
                notConnected.exitCode(),
                reauthorize.exitCode(),
                providerFailed.exitCode(),
                ExitCodes.INVALID_INPUT,
                ExitCodes.NOT_CONFIGURED,
                ExitCodes.FAILURE,
                ExitCodes.OK))
        .hasSize(8);
  }

  @Test
  void an_unconfigured_google_client_says_so_and_exits_not_configured() {
    CliRunner.Result result = new CliRunner(data).run("connect", "gmail", "--no-wait");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_CONFIGURED);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("error: ").endsWith("(not_configured)\n");
  }
}
