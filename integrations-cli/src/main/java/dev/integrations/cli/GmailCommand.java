package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code integrations gmail}: mail through the user's Gmail connection. */
@Command(
    name = "gmail",
    synopsisSubcommandLabel = "COMMAND",
    description = "Send and search mail through the user's Gmail connection.",
    subcommands = {MailSendCommand.Gmail.class, MailListCommand.Gmail.class})
final class GmailCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: send or list");
  }
}
