package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code integrations drive}: files through the user's Google Drive connection. */
@Command(
    name = "drive",
    synopsisSubcommandLabel = "COMMAND",
    description = "List and upload files through the user's Google Drive connection.",
    subcommands = {FilesListCommand.Drive.class, FilesUploadCommand.Drive.class})
final class DriveCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: list or upload");
  }
}
