package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code integrations webhooks}: the outbox of webhook deliveries, for operators. */
@Command(
    name = "webhooks",
    synopsisSubcommandLabel = "COMMAND",
    description = "Show recent webhook deliveries, or deliver one again.",
    subcommands = {WebhooksListCommand.class, WebhooksReplayCommand.class})
final class WebhooksCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: list or replay");
  }
}
