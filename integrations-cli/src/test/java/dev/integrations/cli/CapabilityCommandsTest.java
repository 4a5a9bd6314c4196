package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.core.model.Capability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mail|files|message … --via TYPE} through the real wiring: the same answers as the gmail,
 * drive and telegram shorthands, {@code unsupported_capability} as one line with exit code 6 for a
 * type without the capability, and dispatch for every catalog type that declares one.
 */
class CapabilityCommandsTest {
  @TempDir Path data;
  @TempDir Path files;
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
  void message_send_via_telegram_is_the_telegram_shorthand() {
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);

    CliRunner.Result via =
        cli().run("message", "send", "--via", "telegram", "--chat", "4711", "--text", "Deployed");
    CliRunner.Result shorthand =
        cli().run("telegram", "send", "--chat", "4711", "--text", "Deployed");
    CliRunner.Result json =
        cli().run("message", "send", "--via", "telegram", "-c", "4711", "-t", "Deployed", "--json");

    assertThat(via.exitCode()).as(via.err()).isZero();
    assertThat(via.out()).isEqualTo("Sent message 42 to chat 4711.\n").isEqualTo(shorthand.out());
    assertThat(json.out()).contains("\"message_id\" : 42");
    assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(3);
  }

  @Test
  void a_type_without_the_capability_is_one_line_naming_what_it_offers_and_exit_code_6()
      throws Exception {
    cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);
    int calls = standIns.telegramCalls.size();
    Path file = Files.writeString(files.resolve("report.txt"), "numbers");

    CliRunner.Result github =
        cli().run("message", "send", "--via", "github", "--chat", "4711", "--text", "hi");
    CliRunner.Result telegramMail = cli().run("mail", "list", "--via", "telegram");
    CliRunner.Result gmailUpload = cli().run("files", "upload", "--via", "gmail", file.toString());

    assertThat(github.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(github.out()).isEmpty();
    assertThat(github.err())
        .startsWith("error: GitHub cannot send messages; it offers: proxy. --via takes telegram")
        .endsWith(". (unsupported_capability)\n");
    assertThat(github.err().lines()).hasSize(1);
    assertThat(telegramMail.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(telegramMail.err())
        .startsWith(
            "error: Telegram cannot send or search mail; it offers: messages, proxy. --via takes gmail");
    assertThat(gmailUpload.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(gmailUpload.err())
        .startsWith("error: Gmail cannot list or upload files; it offers: mail, proxy.")
        .endsWith("(unsupported_capability)\n");
    assertThat(standIns.telegramCalls).hasSize(calls);
  }

  @Test
  void an_unknown_via_lists_the_known_types_and_a_missing_via_is_a_usage_error() {
    CliRunner.Result unknown =
        cli().run("mail", "send", "--via", "pigeon", "--to", "a@example.com", "-b", "hi");
    CliRunner.Result missing = cli().run("files", "list");

    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(unknown.err())
        .startsWith("error: Invalid integration type 'pigeon'; choose one of gmail, google_drive,")
        .endsWith("(invalid_integration_type)\n");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("'--via=TYPE'");
  }

  @Test
  void every_catalog_type_declaring_a_capability_is_dispatched_to_its_connection() {
    Settings settings = Settings.from(ConfigSource.of(Map.of()));
    List<String> dispatched = new ArrayList<>();

    for (Capability capability : Capability.values()) {
      for (String type : Wiring.integrationTypes(settings, capability)) {
        CliRunner.Result result =
            switch (capability) {
              case MAIL -> cli().run("mail", "list", "--via", type);
              case FILES -> cli().run("files", "list", "--via", type);
              case MESSAGES ->
                  cli().run("message", "send", "--via", type, "--chat", "4711", "--text", "hi");
            };
        assertThat(result.exitCode())
            .as(type + " " + capability + ": " + result.err())
            .isEqualTo(ExitCodes.NOT_CONNECTED);
        assertThat(result.err()).endsWith("(not_connected)\n");
        dispatched.add(type + ":" + capability.wireName());
      }
    }

    assertThat(dispatched).contains("gmail:mail", "google_drive:files", "telegram:messages");
  }

  @Test
  void help_names_the_types_via_takes() {
    CliRunner.Result help = cli().run("message", "send", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--via=TYPE")
        .containsPattern("The messages provider: telegram[,.]");
  }
}
