package dev.integrations.cli;

import dev.integrations.core.model.Integration;
import dev.integrations.core.service.DisconnectResult;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrations disconnect TYPE}: revoke at the provider where it can, delete the credentials. */
@Command(
    name = "disconnect",
    description = "Revoke the grant at the provider where it can and delete the stored credentials.")
final class DisconnectCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(paramLabel = "TYPE", completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  DisconnectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Integration integration = KnownTypes.resolve(context.integrations(), type);
    DisconnectResult result = context.integrations().connections().disconnect(options.userId(), integration.type());
    Map<String, Object> json =
        Json.outcome(true, integration.type().value() + " disconnected successfully", integration);
    json.put("revocation", Json.revocation(result.revocation()));
    Output output = Output.of(spec, options);
    output.result(json, () -> output.line(
        "Disconnected " + integration.name() + " for user " + options.user + ". " + result.revocation().message()));
    return ExitCodes.OK;
  }
}
