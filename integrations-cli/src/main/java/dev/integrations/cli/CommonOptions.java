package dev.integrations.cli;

import dev.integrations.core.model.UserId;
import picocli.CommandLine.Option;

/** The options every command that acts for a user shares: {@code --user}, {@code --json}, {@code --verbose}. */
final class CommonOptions {
  static final String DEFAULT_USER = "local";

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      defaultValue = DEFAULT_USER,
      description = "The user whose connections to use (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--json", description = "Print the result as JSON (snake_case), for scripts.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print the stack trace of a failure and log more.")
  boolean verbose;

  UserId userId() {
    return UserId.of(user);
  }
}
