package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.Replies;
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
    Target target = context.target(options);
    Kind kind = target.integration(type);
    Replies.Disconnected result = target.act(
        integrations -> Replies.Disconnected.of(
            kind.type(), integrations.connections().disconnect(target.user(), kind.type())),
        api -> api.post("/api/integrations/disconnect?" + Api.param("integration_type", kind.type().value()), null,
            Replies.Disconnected.class));
    Output output = Output.of(spec, options);
    output.result(result, () -> output.line("Disconnected " + kind.name() + " for user " + target.user().value()
        + ". " + result.revocation().message()));
    return ExitCodes.OK;
  }
}
