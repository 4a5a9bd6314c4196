package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.Replies;
import dev.integrations.core.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrations disconnect TYPE} or {@code --all}: revoke at the provider where it can,
 * delete the credentials.
 */
@Command(
    name = "disconnect",
    description =
        "Revoke the grant at the provider where it can and delete the stored credentials.")
final class DisconnectCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(
      paramLabel = "TYPE",
      arity = "0..1",
      completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  @Option(
      names = "--all",
      description = "Disconnect each of the user's connections (one result per connection).")
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
    Target target = context.target(options);
    Kind kind = target.integration(type);
    Replies.Disconnected result =
        target.act(
            integrations ->
                Replies.Disconnected.of(
                    kind.type(), integrations.connections().disconnect(target.user(), kind.type())),
            api ->
                api.post(
                    "/api/integrations/disconnect?"
                        + Api.param("integration_type", kind.type().value()),
                    null,
                    Replies.Disconnected.class));
    Output output = Output.of(spec, options);
    output.result(
        result,
        () ->
            output.line(
                "Disconnected "
                    + kind.name()
                    + " for user "
                    + target.user().value()
                    + ". "
                    + result.revocation().message()));
    return ExitCodes.OK;
  }

  private int disconnectAll() {
    Target target = context.target(options);
    List<Replies.DisconnectedOne> outcomes =
        target.act(
            integrations ->
                integrations.connections().disconnectAll(target.user()).stream()
                    .map(Replies.DisconnectedOne::of)
                    .toList(),
            api ->
                Arrays.asList(
                    api.post(
                        "/api/integrations/disconnect-all",
                        null,
                        Replies.DisconnectedOne[].class)));
    Output output = Output.of(spec, options);
    output.result(
        outcomes,
        () -> {
          if (outcomes.isEmpty()) {
            output.line("User " + target.user().value() + " has no connections.");
          }
          for (Replies.DisconnectedOne outcome : outcomes) {
            output.line(
                outcome.success()
                    ? "Disconnected "
                        + outcome.integrationType()
                        + ". "
                        + outcome.revocation().message()
                    : "Not disconnected "
                        + outcome.integrationType()
                        + ": "
                        + outcome.message()
                        + " ("
                        + outcome.code()
                        + ")");
          }
        });
    return outcomes.stream()
        .filter(o -> !o.success())
        .findFirst()
        .map(o -> ErrorCode.ofWireName(o.code()).map(ExitCodes::of).orElse(ExitCodes.FAILURE))
        .orElse(ExitCodes.OK);
  }
}
