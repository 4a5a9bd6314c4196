package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code integrations keys}: the encryption keys of the stored secrets. */
@Command(
    name = "keys",
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Show which encryption keys the stored secrets use, and re-seal them under the current key.",
    subcommands = {KeysStatusCommand.class, KeysRotateCommand.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: status or rotate");
  }
}
