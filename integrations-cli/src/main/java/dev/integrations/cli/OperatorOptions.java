package dev.integrations.cli;

import picocli.CommandLine.Option;

/** The options of the operator's commands, which act on the whole database rather than one user. */
final class OperatorOptions {
  @Option(names = "--json", description = "Print the result as JSON (snake_case), for scripts.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print the stack trace of a failure and log more.")
  boolean verbose;
}
