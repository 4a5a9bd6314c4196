package dev.integrations.cli;

import dev.integrations.core.model.Connection;
import dev.integrations.core.model.IntegrationStatus;
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
    List<IntegrationStatus> statuses = context.integrations().connections().list(options.userId());
    Output output = Output.of(spec, options);
    output.result(statuses.stream().map(Json::status).toList(), () -> output.table(table(statuses)));
    return ExitCodes.OK;
  }

  private static Table table(List<IntegrationStatus> statuses) {
    Table table = new Table("TYPE", "NAME", "STATUS", "ACCOUNT", "CONNECTED", "LAST SYNC", "ERROR");
    for (IntegrationStatus status : statuses) {
      Connection connection = status.connection();
      table.row(
          status.integration().type(),
          status.integration().name(),
          connection.status().wireName(),
          connection.account() == null ? null : connection.account().displayName(),
          Format.time(connection.connectedAt()),
          Format.time(connection.lastSync()),
          connection.lastError() == null ? null : connection.lastError().wireName());
    }
    return table;
  }
}
