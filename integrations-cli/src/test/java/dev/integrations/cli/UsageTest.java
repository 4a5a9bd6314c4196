package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageTest {
  @TempDir Path data;

  @Test
  void no_command_is_a_usage_error_in_one_line() {
    CliRunner.Result result = new CliRunner(data).run();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("error: Missing command; see 'integrations --help' (usage)\n");
  }

  @Test
  void an_unknown_command_is_a_usage_error_with_a_suggestion() {
    CliRunner.Result result = new CliRunner(data).run("lis");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: Unmatched argument").contains("did you mean list");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void a_missing_argument_names_the_subcommand_to_ask_for_help() {
    CliRunner.Result result = new CliRunner(data).run("connect");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "error: Missing required parameter: 'TYPE'; see 'integrations connect --help' (usage)\n");
  }

  @Test
  void a_missing_required_option_of_a_nested_command_is_a_usage_error() {
    CliRunner.Result result = new CliRunner(data).run("telegram", "send", "--text", "hi");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("'--chat=CHAT_ID'")
        .contains("see 'integrations telegram send --help'");
  }

  @Test
  void a_group_without_its_subcommand_is_a_usage_error() {
    CliRunner.Result result = new CliRunner(data).run("drive");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "error: Missing command: list or upload; see 'integrations drive --help' (usage)\n");
  }

  @Test
  void help_lists_the_commands_and_documents_every_exit_code() {
    CliRunner.Result result = new CliRunner(data).run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "list",
            "connect",
            "test",
            "disconnect",
            "gmail",
            "drive",
            "telegram",
            "token",
            "completion")
        .contains("Exit codes:")
        .contains("  0   Success.")
        .contains("  2   Usage error")
        .contains("  3   The user has no connection")
        .contains("  4   Reauthorization required")
        .contains("  5   The provider failed")
        .contains("  6   Invalid input")
        .contains("  7   Not configured");
  }

  @Test
  void every_subcommand_help_documents_the_exit_codes_and_the_common_options() {
    CliRunner.Result result = new CliRunner(data).run("gmail", "send", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("--user=USER", "--json", "--verbose", "Exit codes:", "  4   Reauthorization");
  }

  @Test
  void version_names_the_program() {
    CliRunner.Result result = new CliRunner(data).run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("integrations ");
  }

  @Test
  void help_needs_no_configuration_and_opens_no_database() {
    CliRunner.Result result =
        new CliRunner(data).env("INTEGRATIONS_PORT", "not-a-port").run("list", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(data).isEmptyDirectory();
  }
}
