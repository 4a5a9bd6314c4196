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

  /**
   * Accepted so that it is refused in a sentence: these commands work on the database, never
   * through a server.
   */
  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Not offered: this command works on the database itself. Given (or INTEGRATIONS_SERVER_URL, "
              + "or a 'serve' running on this data directory's embedded H2 file), it stops and says where to run it.")
  String server;
}
