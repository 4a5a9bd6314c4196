package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
  @TempDir Path data;

  @Test
  void prints_a_bash_completion_script_for_every_command_option_and_type() {
    CliRunner.Result result = new CliRunner(data).run("completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_integrations")
        .contains("_picocli_integrations_gmail_send", "_picocli_integrations_drive_upload")
        .contains("--bot-token", "--no-wait", "--ttl", "--json", "--user")
        .contains("(\"gmail\" \"google_drive\" \"telegram\")");
    assertThat(data).isEmptyDirectory();
  }
}
