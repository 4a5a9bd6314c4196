package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.Replies;
import dev.integrations.core.error.ErrorCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrations test TYPE}: a real, cheap call with the stored credentials. */
@Command(
    name = "test",
    description =
        "Check a connection with a real, cheap call (Gmail profile, Drive about, Telegram "
            + "getMe), refreshing the credentials first if needed. Exits non-zero when it fails.")
final class TestCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(
      paramLabel = "TYPE",
      completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  TestCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Target target = context.target(options);
    Kind kind = target.integration(type);
    Replies.Tested result =
        target.act(
            integrations ->
                Replies.Tested.of(
                    integrations.connections().test(target.user(), kind.type()), kind.type()),
            api ->
                api.post(
                    "/api/integrations/test?" + Api.param("integration_type", kind.type().value()),
                    null,
                    Replies.Tested.class));
    Output output = Output.of(spec, options);
    output.result(
        result,
        () -> {
          if (result.success()) {
            output.line(kind.name() + " works: " + result.message());
          } else {
            output.note("error: " + result.message() + " (" + result.code() + ")");
          }
        });
    return result.success()
        ? ExitCodes.OK
        : ErrorCode.ofWireName(result.code()).map(ExitCodes::of).orElse(ExitCodes.FAILURE);
  }
}
