package dev.integrations.cli;

import dev.integrations.bootstrap.InvalidConfigurationException;
import dev.integrations.core.error.IntegrationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on standard error, {@code error: <detail> (<code>)}, and its
 * exit code from {@link ExitCodes}. The stack trace follows only under {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, ParseResult parseResult) {
    if (failure instanceof ParameterException usage) {
      return handleParseException(usage, new String[0]);
    }
    PrintWriter err = commandLine.getErr();
    err.println("error: " + detail(failure) + " (" + code(failure) + ")");
    if (verbose(parseResult)) {
      failure.printStackTrace(err);
    }
    err.flush();
    return commandLine.getExitCodeExceptionMapper().getExitCode(failure);
  }

  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    CommandLine commandLine = failure.getCommandLine();
    PrintWriter err = commandLine.getErr();
    StringBuilder line = new StringBuilder("error: ").append(failure.getMessage());
    if (failure instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      line.append("; did you mean ")
          .append(String.join(" or ", unmatched.getSuggestions()))
          .append('?');
    }
    line.append("; see '")
        .append(commandLine.getCommandSpec().qualifiedName())
        .append(" --help' (usage)");
    err.println(line);
    err.flush();
    return ExitCodes.USAGE;
  }

  private static String detail(Exception failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return failure.getClass().getSimpleName() + "; run with --verbose for details";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String code(Exception failure) {
    if (failure instanceof IntegrationException e) {
      return e.code().wireName();
    }
    if (failure instanceof CliException e) {
      return e.code();
    }
    if (failure instanceof InvalidConfigurationException) {
      return "invalid_configuration";
    }
    return "internal_error";
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
