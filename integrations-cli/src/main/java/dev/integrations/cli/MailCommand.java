package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code integrations mail}: mail through any provider that offers it, chosen with {@code --via}.
 */
@Command(
    name = "mail",
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Send and search mail through any provider that offers it (--via gmail, --via outlook…).",
    subcommands = {MailSendCommand.Any.class, MailListCommand.Any.class})
final class MailCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: send or list");
  }
}
