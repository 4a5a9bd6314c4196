package dev.integrations.cli;

import dev.integrations.core.model.WebhookDelivery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code integrations webhooks list}: the most recent deliveries, newest first. */
@Command(
    name = "list",
    description =
        "List recent webhook deliveries, newest first: id, event, status, "
            + "attempts, next attempt and the endpoint's last answer.")
final class WebhooksListCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "How many deliveries (default ${DEFAULT-VALUE}).")
  int limit;

  WebhooksListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1000) {
      throw new CliException(
          ExitCodes.INVALID_INPUT, "invalid_request", "--limit must be from 1 to 1000.");
    }
    List<WebhookDelivery> deliveries =
        Target.database(context, options.server)
            .actLocally("webhooks list", wiring -> wiring.webhookDeliveries().recent(limit));
    Output output = Output.of(spec, options);
    output.result(
        deliveries.stream().map(WebhooksListCommand::json).toList(),
        () -> {
          Table table =
              new Table("ID", "EVENT", "STATUS", "ATTEMPTS", "NEXT ATTEMPT", "LAST ANSWER");
          for (WebhookDelivery d : deliveries) {
            table.row(
                d.id(),
                d.eventType(),
                d.status(),
                d.attempts(),
                d.status().equals("pending") ? Format.time(d.nextAttemptAt()) : null,
                d.lastAnswer());
          }
          output.table(table);
        });
    return ExitCodes.OK;
  }

  /** A delivery for {@code --json}: the outbox's fields, snake_case, the payload as sent. */
  static Map<String, Object> json(WebhookDelivery d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", d.id());
    json.put("event_type", d.eventType());
    json.put("status", d.status());
    json.put("attempts", d.attempts());
    json.put(
        "next_attempt_at", d.status().equals("pending") ? Format.iso(d.nextAttemptAt()) : null);
    json.put("last_status", d.lastStatus());
    json.put("last_answer", d.lastAnswer());
    json.put("created_at", Format.iso(d.createdAt()));
    json.put("payload", d.payload());
    return json;
  }
}
