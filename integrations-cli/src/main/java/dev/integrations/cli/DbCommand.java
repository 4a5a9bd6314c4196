package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code integrations db}: the database as a whole. */
@Command(
    name = "db",
    synopsisSubcommandLabel = "COMMAND",
    description = "Work on the database as a whole: copy it to another one.",
    subcommands = {DbCopyCommand.class})
final class DbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: copy");
  }
}
