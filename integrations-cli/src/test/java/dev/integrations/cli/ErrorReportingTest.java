package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorReportingTest {
  @TempDir Path data;

  @Test
  void an_unknown_integration_is_one_line_with_its_code_and_invalid_input_exit() {
    CliRunner.Result result = new CliRunner(data).run("test", "myspace");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("error: Invalid integration type 'myspace'")
        .endsWith(" (invalid_integration_type)\n");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void verbose_adds_the_stack_trace() {
    CliRunner.Result result = new CliRunner(data).run("disconnect", "myspace", "--verbose");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err().lines().findFirst())
        .hasValueSatisfying(
            line -> assertThat(line).startsWith("error: Invalid integration type 'myspace'"));
    assertThat(result.err()).contains("InvalidRequestException", "\tat dev.integrations.");
  }

  @Test
  void malformed_configuration_names_the_key_and_exits_not_configured() {
    CliRunner.Result result = new CliRunner(data).env("INTEGRATIONS_PORT", "eighty").run("list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_CONFIGURED);
    assertThat(result.err())
        .isEqualTo(
            "error: INTEGRATIONS_PORT must be a port number from 0 to 65535, not 'eighty'. (invalid_configuration)\n");
  }

  @Test
  void invalid_input_to_an_action_is_refused_before_any_call() {
    CliRunner.Result result =
        new CliRunner(data).run("telegram", "send", "--chat", "not a chat", "--text", "hi");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "error: chat_id must be a chat or channel id: at most 256 letters, digits or @ : . _ # + = / -"
                + " (a numeric chat id or @channelusername for Telegram). (invalid_request)\n");
  }

  @Test
  void a_missing_message_text_at_a_terminal_is_a_usage_error() {
    CliRunner.Result result =
        new CliRunner(data).atTerminal(null).run("telegram", "send", "--chat", "42");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("error: Missing the message text");
  }

  @Test
  void a_missing_upload_file_is_invalid_input() {
    CliRunner.Result result =
        new CliRunner(data).run("drive", "upload", data.resolve("nope.pdf").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("error: No such readable file: ")
        .endsWith("nope.pdf (invalid_request)\n");
  }
}
