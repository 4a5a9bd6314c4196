package dev.integrations.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.integrations.bootstrap.presentation.HealthBodies;
import dev.integrations.bootstrap.presentation.IntegrationEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrations status TYPE}: a connection's status, health and usage. */
@Command(
    name = "status",
    description =
        "Show a connection's status, its health (healthy, degraded or reauthorization_required, "
            + "with the last errors) and its calls over the last 30 days. --json prints the HTTP API's list "
            + "entry with the usage route's answer under \"usage\".")
final class StatusCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(
      paramLabel = "TYPE",
      completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  /**
   * What {@code status} shows: the entry of {@code GET /api/integrations} for the type, and the
   * answer of {@code GET /api/integrations/{type}/usage} under {@code usage}.
   */
  record Status(@JsonUnwrapped IntegrationEntry entry, HealthBodies.Usage usage) {}

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Target target = context.target(options);
    Kind kind = target.integration(type);
    String typed = kind.type().value();
    Status status =
        target.act(
            integrations ->
                new Status(
                    entry(
                        integrations.connections().list(target.user()).stream()
                            .map(IntegrationEntry::of)
                            .toList(),
                        typed),
                    HealthBodies.Usage.of(
                        integrations.connections().usage(target.user(), kind.type()))),
            api ->
                new Status(
                    entry(api.getList("/api/integrations", IntegrationEntry.class), typed),
                    api.get("/api/integrations/" + typed + "/usage", HealthBodies.Usage.class)));
    Output output = Output.of(spec, options);
    output.result(status, () -> print(output, status.entry(), status.usage()));
    return ExitCodes.OK;
  }

  private static IntegrationEntry entry(List<IntegrationEntry> entries, String type) {
    return entries.stream()
        .filter(e -> e.type().equals(type))
        .findFirst()
        .orElseThrow(
            () ->
                new CliException(
                    ExitCodes.FAILURE, "unexpected_answer", "The list has no " + type));
  }

  private static void print(Output output, IntegrationEntry entry, HealthBodies.Usage usage) {
    String account = entry.account() == null ? "" : " as " + entry.account().displayName();
    output.line(entry.name() + " (" + entry.type() + "): " + entry.status() + account);
    HealthBodies.Health health = entry.health();
    if (health != null) {
      output.line("Health: " + health.state() + failures(health));
      if (health.lastError() != null) {
        output.line(
            "Last error: "
                + health.lastError()
                + " at "
                + Format.time(health.lastFailure())
                + (health.lastErrorMessage() == null ? "" : ": " + health.lastErrorMessage()));
      }
      output.line(
          "Last success: "
              + orNever(Format.time(health.lastSuccess()))
              + "; next check: "
              + orNever(Format.time(health.nextCheck())));
    }
    output.line("Calls in the last 24 hours: " + count(usage.usage24h()));
    Table days = new Table("DATE", "CALLS", "FAILURES");
    usage.days().stream()
        .filter(d -> d.calls() > 0)
        .forEach(d -> days.row(d.date(), d.calls(), d.failures()));
    if (!days.isEmpty()) {
      output.line("Last 30 days (UTC, days with calls):");
      output.table(days);
    }
    Table actions = new Table("ACTION", "CALLS", "FAILURES", "LAST USE");
    usage
        .actions()
        .forEach(a -> actions.row(a.action(), a.calls(), a.failures(), Format.time(a.lastUse())));
    if (!actions.isEmpty()) {
      output.table(actions);
    }
  }

  private static String failures(HealthBodies.Health health) {
    return health.failureCount() == 0
        ? ""
        : " ("
            + health.failureCount()
            + " failure"
            + (health.failureCount() == 1 ? "" : "s")
            + " since "
            + Format.time(health.firstFailure())
            + ")";
  }

  private static String count(HealthBodies.Count count) {
    return count.calls() + (count.failures() == 0 ? "" : " (" + count.failures() + " failed)");
  }

  private static String orNever(String time) {
    return time == null || time.isEmpty() ? "never" : time;
  }
}
