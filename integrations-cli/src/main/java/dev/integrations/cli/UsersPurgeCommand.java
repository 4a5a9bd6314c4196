package dev.integrations.cli;

import dev.integrations.bootstrap.Operations;
import dev.integrations.bootstrap.presentation.Replies;
import dev.integrations.core.model.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrations users purge USER}: forget a user entirely (a privacy request's delete). */
@Command(
    name = "purge",
    description = {
      "Forget a user entirely: disconnect each connection (revoking the grant at the provider where it can),",
      "then delete every row about the user in every table (connections, credentials, pending authorizations,",
      "refresh leases, and any other per-user table). Reports what it did. Cannot be undone."
    })
final class UsersPurgeCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin OperatorOptions options;

  @Parameters(paramLabel = "USER", description = "The user id (the JWT's sub).")
  String user;

  UsersPurgeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Operations.Purge purge =
        Target.database(context, options.server)
            .actLocally("users purge", wiring -> wiring.operations().purgeUser(UserId.of(user)));
    Output output = Output.of(spec, options);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("user", purge.user().value());
    json.put(
        "disconnected", purge.disconnected().stream().map(Replies.DisconnectedOne::of).toList());
    json.put("rows_deleted", purge.rowsDeleted());
    output.result(
        json,
        () -> {
          purge
              .disconnected()
              .forEach(
                  d ->
                      output.line(
                          d.type().value()
                              + ": "
                              + d.message()
                              + (d.revocation() == null ? "" : ". " + d.revocation().message())));
          Table table = new Table("TABLE", "ROWS DELETED");
          purge.rowsDeleted().forEach(table::row);
          output.table(table);
          output.line(
              "Forgot user "
                  + user
                  + ": "
                  + purge.rowsDeleted().values().stream().mapToLong(Long::longValue).sum()
                  + " rows deleted.");
        });
    return ExitCodes.OK;
  }
}
