package dev.integrations.cli;

import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionUsage;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.UsageCount;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrations status TYPE}: a connection's status, health and usage. */
@Command(
    name = "status",
    description = "Show a connection's status, its health (healthy, degraded or reauthorization_required, "
        + "with the last errors) and its calls over the last 30 days. --json prints the HTTP API's list "
        + "entry with the usage route's answer under \"usage\".")
final class StatusCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(paramLabel = "TYPE", completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Integration integration = KnownTypes.resolve(context.integrations(), type);
    IntegrationStatus status = context.integrations().connections().list(options.userId()).stream()
        .filter(s -> s.integration().type().equals(integration.type()))
        .findFirst()
        .orElseThrow();
    ConnectionUsage usage = context.integrations().connections().usage(options.userId(), integration.type());
    Output output = Output.of(spec, options);
    Map<String, Object> json = Json.status(status);
    json.put("usage", Json.usage(usage));
    output.result(json, () -> print(output, status, usage));
    return ExitCodes.OK;
  }

  private static void print(Output output, IntegrationStatus status, ConnectionUsage usage) {
    Integration integration = status.integration();
    String account = status.connection().account() == null ? "" : " as " + status.connection().account().displayName();
    output.line(integration.name() + " (" + integration.type() + "): " + status.connection().status().wireName() + account);
    ConnectionHealth health = status.health();
    if (health != null) {
      output.line("Health: " + health.state().wireName() + failures(health));
      if (health.lastError() != null) {
        output.line("Last error: " + health.lastError().wireName() + " at " + Format.time(health.lastFailure())
            + (health.lastErrorMessage() == null ? "" : ": " + health.lastErrorMessage()));
      }
      output.line("Last success: " + orNever(Format.time(health.lastSuccess()))
          + "; next check: " + orNever(Format.time(health.nextCheck())));
    }
    output.line("Calls in the last 24 hours: " + count(usage.last24Hours()));
    Table days = new Table("DATE", "CALLS", "FAILURES");
    usage.days().stream()
        .filter(d -> d.count().calls() > 0)
        .forEach(d -> days.row(d.date(), d.count().calls(), d.count().failures()));
    if (!days.isEmpty()) {
      output.line("Last 30 days (UTC, days with calls):");
      output.table(days);
    }
    Table actions = new Table("ACTION", "CALLS", "FAILURES", "LAST USE");
    usage.actions().forEach(a -> actions.row(a.action(), a.count().calls(), a.count().failures(), Format.time(a.lastUse())));
    if (!actions.isEmpty()) {
      output.table(actions);
    }
  }

  private static String failures(ConnectionHealth health) {
    return health.failureCount() == 0
        ? ""
        : " (" + health.failureCount() + " failure" + (health.failureCount() == 1 ? "" : "s")
            + " since " + Format.time(health.firstFailure()) + ")";
  }

  private static String count(UsageCount count) {
    return count.calls() + (count.failures() == 0 ? "" : " (" + count.failures() + " failed)");
  }

  private static String orNever(String time) {
    return time == null || time.isEmpty() ? "never" : time;
  }
}
