package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code integrations telegram}: messages through the user's Telegram bot. */
@Command(
    name = "telegram",
    synopsisSubcommandLabel = "COMMAND",
    description = "Send messages through the user's Telegram bot.",
    subcommands = {MessageSendCommand.Telegram.class})
final class TelegramCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: send");
  }
}
