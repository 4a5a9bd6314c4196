package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.IntegrationEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code integrations list}: every integration with the user's connection status. */
@Command(name = "list", description = "List every integration with the user's connection status.")
final class ListCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  ListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Target target = context.target(options);
    List<IntegrationEntry> entries =
        target.act(
            integrations ->
                integrations.connections().list(target.user()).stream()
                    .map(IntegrationEntry::of)
                    .toList(),
            api -> api.getList("/api/integrations", IntegrationEntry.class));
    Output output = Output.of(spec, options);
    output.result(entries, () -> output.table(table(entries)));
    return ExitCodes.OK;
  }

  private static Table table(List<IntegrationEntry> entries) {
    Table table = new Table("TYPE", "NAME", "STATUS", "ACCOUNT", "CONNECTED", "LAST SYNC", "ERROR");
    for (IntegrationEntry entry : entries) {
      table.row(
          entry.type(),
          entry.name(),
          entry.status(),
          entry.account() == null ? null : entry.account().displayName(),
          Format.time(entry.connectedAt()),
          Format.time(entry.lastSync()),
          entry.lastError());
    }
    return table;
  }
}
