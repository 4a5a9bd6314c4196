package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code integrations files}: files through any provider that offers them, chosen with {@code
 * --via}.
 */
@Command(
    name = "files",
    synopsisSubcommandLabel = "COMMAND",
    description =
        "List and upload files through any provider that offers them (--via google_drive, --via dropbox…).",
    subcommands = {FilesListCommand.Any.class, FilesUploadCommand.Any.class})
final class FilesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: list or upload");
  }
}
