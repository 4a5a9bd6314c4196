package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code integrations message}: chat messages through any provider that offers them, chosen with
 * {@code --via}.
 */
@Command(
    name = "message",
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Send chat messages through any provider that offers them (--via telegram, --via slack…).",
    subcommands = {MessageSendCommand.Any.class})
final class MessageCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: send");
  }
}
