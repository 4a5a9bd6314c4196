package dev.integrations.cli;

import dev.integrations.core.model.Integration;
import dev.integrations.core.service.DisconnectOutcome;
import dev.integrations.core.service.DisconnectResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrations disconnect TYPE} or {@code --all}: revoke at the provider where it can, delete the
 * credentials.
 */
@Command(
    name = "disconnect",
    description = "Revoke the grant at the provider where it can and delete the stored credentials.")
final class DisconnectCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(paramLabel = "TYPE", arity = "0..1", completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  @Option(names = "--all", description = "Disconnect each of the user's connections (one result per connection).")
  boolean all;

  DisconnectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (all == (type != null)) {
      throw new ParameterException(spec.commandLine(), "Name one integration TYPE, or give --all");
    }
    return all ? disconnectAll() : disconnectOne();
  }

  private int disconnectOne() {
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

  private int disconnectAll() {
    List<DisconnectOutcome> outcomes = context.integrations().connections().disconnectAll(options.userId());
    Output output = Output.of(spec, options);
    output.result(outcomes.stream().map(Json::disconnected).toList(), () -> {
      if (outcomes.isEmpty()) {
        output.line("User " + options.user + " has no connections.");
      }
      for (DisconnectOutcome outcome : outcomes) {
        output.line(outcome.success()
            ? "Disconnected " + outcome.type().value() + ". " + outcome.revocation().message()
            : "Not disconnected " + outcome.type().value() + ": " + outcome.message() + " (" + outcome.code() + ")");
      }
    });
    return outcomes.stream().filter(o -> !o.success()).findFirst()
        .map(o -> ExitCodes.of(o.code())).orElse(ExitCodes.OK);
  }
}
