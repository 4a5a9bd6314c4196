package dev.integrations.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The {@code integrations} command: {@code java -jar integrations.jar <command>}, or {@code
 * ./integrations <command>} from the repository root. Exit codes are those of {@link ExitCodes}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    quietLogsUnlessVerbose(args);
    int exitCode;
    try (CliContext context = new CliContext(System.getenv(), Terminal.system())) {
      exitCode = commandLine(context).execute(args);
    }
    System.exit(exitCode);
  }

  /** The command line of one run; tests set its output streams and execute it. */
  static CommandLine commandLine(CliContext context) {
    ErrorReporter errors = new ErrorReporter();
    CommandLine commandLine =
        new CommandLine(new IntegrationsCommand(), new CommandFactory(context))
            .setExecutionExceptionHandler(errors)
            .setParameterExceptionHandler(errors)
            .setExitCodeExceptionMapper(new ExitCodes());
    ExitCodes.describe(commandLine);
    return commandLine;
  }

  /**
   * Library logs go to standard error at WARN; {@code --verbose} shows INFO too, and so does {@code
   * serve}, whose operators want the start-up lines and one line per request (see {@link
   * LogConfigurator}). Set before the first logger is created.
   */
  private static void quietLogsUnlessVerbose(String[] args) {
    List<String> arguments = List.of(args);
    boolean serve =
        arguments.stream()
            .filter(a -> !a.startsWith("-"))
            .findFirst()
            .filter("serve"::equals)
            .isPresent();
    if (serve) {
      System.setProperty(LogConfigurator.MODE_PROPERTY, "serve");
    } else if (arguments.contains("--verbose") || arguments.contains("-v")) {
      System.setProperty(LogConfigurator.MODE_PROPERTY, "verbose");
    }
  }
}
