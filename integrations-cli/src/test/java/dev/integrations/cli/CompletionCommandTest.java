package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        .contains(
            "(\"gmail\" \"google_drive\" \"telegram\" \"slack\" \"github\" \"outlook\" \"onedrive\""
                + " \"microsoft_teams\" \"notion\" \"discord\" \"dropbox\" \"whatsapp\")");
    assertThat(data).isEmptyDirectory();
  }

  @Test
  void the_script_completes_commands_and_integration_types_in_bash() throws Exception {
    Path script =
        Files.writeString(
            data.resolve("integrations-completion.bash"),
            new CliRunner(data.resolve("unused")).run("completion").out());

    assertThat(complete(script, "integrations con")).containsExactly("connect");
    assertThat(complete(script, "integrations connect "))
        .contains("gmail", "google_drive", "telegram", "slack");
    assertThat(complete(script, "integrations drive ")).contains("list", "upload");
    assertThat(complete(script, "integrations connect telegram --bot"))
        .containsExactly("--bot-token");
    assertThat(complete(script, "integrations test gmail --j")).containsExactly("--json");
    assertThat(complete(script, "integrations list --user test --j")).containsExactly("--json");
    assertThat(complete(script, "integrations gmail sen")).containsExactly("send");
    assertThat(complete(script, "integrations drive upload --na")).containsExactly("--name");
  }

  @Test
  void via_completes_the_types_that_offer_the_capability() throws Exception {
    Path script =
        Files.writeString(
            data.resolve("integrations-completion.bash"),
            new CliRunner(data.resolve("unused")).run("completion").out());

    assertThat(complete(script, "integrations mail send --via "))
        .contains("gmail")
        .doesNotContain("telegram", "github");
    assertThat(complete(script, "integrations mail list --via g")).containsExactly("gmail");
    assertThat(complete(script, "integrations files upload --via "))
        .contains("google_drive")
        .doesNotContain("gmail");
    assertThat(complete(script, "integrations message send --via "))
        .contains("telegram")
        .doesNotContain("gmail", "github");
    assertThat(complete(script, "integrations mes")).containsExactly("message");
  }

  /**
   * The words bash would offer for {@code line}, the cursor at its end, with only the script loaded
   * (outside a real completion bash complains about compopt on standard error, which is left out).
   */
  private static List<String> complete(Path script, String line) throws Exception {
    String words = line.endsWith(" ") ? line + "''" : line;
    Process bash =
        new ProcessBuilder(
                "bash",
                "--norc",
                "--noprofile",
                "-c",
                "source \"$1\"; COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=("
                    + words
                    + "); "
                    + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _complete_integrations; printf '%s\\n' \"${COMPREPLY[@]}\"",
                "complete",
                script.toString(),
                line)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(out).isZero();
    return out.lines().map(String::strip).filter(word -> !word.isEmpty()).toList();
  }
}
