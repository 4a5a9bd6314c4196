package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code integrations users}: the operator's view of users. */
@Command(
    name = "users",
    synopsisSubcommandLabel = "COMMAND",
    description = "Act on users as an operator: forget one entirely.",
    subcommands = {UsersPurgeCommand.class})
final class UsersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: purge");
  }
}
