package dev.integrations.cli;

import dev.integrations.core.model.Integration;
import dev.integrations.core.model.TestResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code integrations test TYPE}: a real, cheap call with the stored credentials. */
@Command(
    name = "test",
    description = "Check a connection with a real, cheap call (Gmail profile, Drive about, Telegram "
        + "getMe), refreshing the credentials first if needed. Exits non-zero when it fails.")
final class TestCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(paramLabel = "TYPE", completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  TestCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Integration integration = KnownTypes.resolve(context.integrations(), type);
    TestResult result = context.integrations().connections().test(options.userId(), integration.type());
    Output output = Output.of(spec, options);
    output.result(Json.test(result, integration), () -> {
      if (result.success()) {
        output.line(integration.name() + " works: " + result.message());
      } else {
        output.note("error: " + result.message() + " (" + result.code().wireName() + ")");
      }
    });
    return result.success() ? ExitCodes.OK : ExitCodes.of(result.code());
  }
}
