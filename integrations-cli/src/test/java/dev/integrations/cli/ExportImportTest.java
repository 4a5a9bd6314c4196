package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} and {@code import} between two deployments (two data directories, two H2
 * databases, two keys), through the real wiring: the archive holds no token in plain text, and a
 * wrong passphrase imports nothing.
 */
class ExportImportTest {
  private static final String PASSPHRASE = "correct horse battery staple";
  private static final String OTHER_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

  @TempDir Path from;
  @TempDir Path to;
  @TempDir Path files;
  private StandIns standIns;
  private Path archive;

  @BeforeEach
  void connectAndExport() {
    standIns = new StandIns();
    assertThat(source().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN).exitCode())
        .isZero();
    assertThat(
            source()
                .run("connect", "telegram", "--user", "bob", "--bot-token", StandIns.BOT_TOKEN)
                .exitCode())
        .isZero();
    archive = files.resolve("backup.jsonl");
    CliRunner.Result export =
        source()
            .env("INTEGRATIONS_EXPORT_PASSPHRASE", PASSPHRASE)
            .run("export", "--out", archive.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains("Exported 6 rows (to " + archive + ").");
  }

  @AfterEach
  void stop() {
    standIns.close();
  }

  private CliRunner source() {
    return standIns.runner(from);
  }

  private CliRunner target() {
    return standIns.runner(to).env("INTEGRATIONS_ENCRYPTION_KEY", OTHER_KEY);
  }

  @Test
  void the_archive_holds_no_token_in_plain_text_and_is_owner_only() throws Exception {
    String content = Files.readString(archive, StandardCharsets.UTF_8);
    assertThat(content)
        .doesNotContain(StandIns.BOT_TOKEN)
        .doesNotContain(StandIns.BOT_TOKEN.split(":")[1]);
    assertThat(content).startsWith("{\"format\":\"integrations-archive\"");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
        .isEqualTo("rw-------");
  }

  @Test
  void imports_into_another_deployment_whose_key_differs_and_the_token_works_there() {
    CliRunner.Result imported =
        target().atTerminal(PASSPHRASE).run("import", "--in", archive.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported 6 rows");
    assertThat(target().run("list").out())
        .containsPattern("(?m)^telegram +Telegram +connected +@alerts_bot ");
    CliRunner.Result test = target().run("test", "telegram", "--user", "bob");
    assertThat(test.exitCode()).as(test.err()).isZero();
  }

  @Test
  void a_wrong_passphrase_is_a_clear_error_and_nothing_is_imported() {
    CliRunner.Result wrong =
        target()
            .env("INTEGRATIONS_EXPORT_PASSPHRASE", "incorrect")
            .run("import", "--in", archive.toString());

    assertThat(wrong.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(wrong.err())
        .isEqualTo(
            "error: The passphrase does not open this archive; nothing was imported. (invalid_request)\n");
    assertThat(target().run("list").out())
        .containsPattern("(?m)^telegram +Telegram +disconnected ");
  }

  @Test
  void a_truncated_archive_imports_nothing() throws Exception {
    List<String> lines = Files.readAllLines(archive);
    Path truncated = files.resolve("truncated.jsonl");
    Files.write(truncated, lines.subList(0, lines.size() - 2));

    CliRunner.Result result =
        target()
            .env("INTEGRATIONS_EXPORT_PASSPHRASE", PASSPHRASE)
            .run("import", "--in", truncated.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("is incomplete").contains("nothing was imported");
    assertThat(target().run("list").out())
        .containsPattern("(?m)^telegram +Telegram +disconnected ");
  }

  @Test
  void importing_into_a_database_that_holds_rows_is_refused_unless_forced() {
    CliRunner withPassphrase = target().env("INTEGRATIONS_EXPORT_PASSPHRASE", PASSPHRASE);
    assertThat(withPassphrase.run("import", "--in", archive.toString()).exitCode()).isZero();

    CliRunner.Result again = withPassphrase.run("import", "--in", archive.toString());
    assertThat(again.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(again.err()).contains("This database is not empty");

    assertThat(withPassphrase.run("import", "--in", archive.toString(), "--force").exitCode())
        .isZero();
    assertThat(target().run("list", "--user", "bob").out())
        .containsPattern("(?m)^telegram +Telegram +connected ");
  }

  @Test
  void export_refuses_to_overwrite_a_file_and_needs_a_passphrase() {
    assertThat(
            source()
                .env("INTEGRATIONS_EXPORT_PASSPHRASE", PASSPHRASE)
                .run("export", "--out", archive.toString())
                .err())
        .contains("exists already");
    CliRunner.Result none =
        source().run("export", "--out", files.resolve("other.jsonl").toString());
    assertThat(none.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(none.err()).contains("INTEGRATIONS_EXPORT_PASSPHRASE");
  }
}
