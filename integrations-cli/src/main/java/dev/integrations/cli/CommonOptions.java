package dev.integrations.cli;

import dev.integrations.core.model.UserId;
import picocli.CommandLine.Option;

/**
 * The options every command that acts for a user shares: {@code --user}, {@code --json}, {@code
 * --verbose}, and where to act: {@code --server} and {@code --token} (see {@link Target}).
 */
final class CommonOptions {
  static final String DEFAULT_USER = "local";

  /** Null when not given: then {@value #DEFAULT_USER}, or the holder of the token given. */
  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description =
          "The user whose connections to use (default: "
              + DEFAULT_USER
              + "; with --token, its user).")
  String user;

  @Option(
      names = "--json",
      description =
          "Print the result as JSON (snake_case): the HTTP API's answer for the same thing.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print the stack trace of a failure and log more.")
  boolean verbose;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Act through the API of the server at URL (default: INTEGRATIONS_SERVER_URL; without "
              + "either, through the 'serve' running on this data directory if there is one, else on the database).")
  String server;

  @Option(
      names = "--token",
      paramLabel = "JWT",
      description =
          "The API token for --server (default: INTEGRATIONS_TOKEN; without either, one is minted "
              + "for --user with INTEGRATIONS_JWT_SECRET or the data directory's secret).")
  String token;

  UserId userId() {
    return UserId.of(user == null ? DEFAULT_USER : user);
  }
}
