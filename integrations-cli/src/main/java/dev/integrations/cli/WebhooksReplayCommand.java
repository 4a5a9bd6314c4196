package dev.integrations.cli;

import dev.integrations.core.model.WebhookDelivery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrations webhooks replay ID}: delivers one again, with the same webhook-id. */
@Command(
    name = "replay",
    description =
        "Deliver a webhook again (same webhook-id, a fresh retry schedule), "
            + "whatever became of it; an endpoint that answered 410 Gone is enabled again. A running server sends it.")
final class WebhooksReplayCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(
      paramLabel = "ID",
      description = "The delivery's id (msg_...), as 'webhooks list' shows it.")
  String id;

  WebhooksReplayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    WebhookDelivery replayed =
        Target.database(context, options.server)
            .actLocally("webhooks replay", wiring -> wiring.webhookDeliveries().replay(id.strip()))
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCodes.FAILURE,
                        "not_found",
                        "No webhook delivery has the id " + id + "."));
    Output output = Output.of(spec, options);
    output.result(
        WebhooksListCommand.json(replayed),
        () ->
            output.line(
                "Webhook "
                    + replayed.id()
                    + " ("
                    + replayed.eventType()
                    + ") will be delivered again."));
    return ExitCodes.OK;
  }
}
