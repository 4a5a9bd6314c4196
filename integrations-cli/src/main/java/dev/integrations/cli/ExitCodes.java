package dev.integrations.cli;

import dev.integrations.bootstrap.InvalidConfigurationException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;

/**
 * The exit codes of the {@code integrations} command, all defined here: what scripts may rely on. A
 * failure's {@link ErrorCode} decides its code; {@link #describe(CommandLine)} puts the table in
 * every command's help.
 */
final class ExitCodes implements IExitCodeExceptionMapper {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int NOT_CONNECTED = 3;
  static final int REAUTHORIZATION_REQUIRED = 4;
  static final int PROVIDER_FAILURE = 5;
  static final int INVALID_INPUT = 6;
  static final int NOT_CONFIGURED = 7;

  /**
   * The code of a failure with {@code code}; adding an {@link ErrorCode} without deciding fails to
   * compile.
   */
  static int of(ErrorCode code) {
    return switch (code) {
      case NOT_CONNECTED -> NOT_CONNECTED;
      case REAUTHORIZATION_REQUIRED, MISSING_SCOPES, CREDENTIALS_REJECTED ->
          REAUTHORIZATION_REQUIRED;
      case RATE_LIMITED, PROVIDER_ERROR, PROVIDER_UNAVAILABLE, PROVIDER_TIMEOUT -> PROVIDER_FAILURE;
      case INVALID_REQUEST,
          INVALID_INTEGRATION_TYPE,
          BOT_TOKEN_REQUIRED,
          INVALID_CREDENTIALS,
          UNSUPPORTED_OPERATION,
          UNSUPPORTED_CAPABILITY,
          PAYLOAD_TOO_LARGE,
          INVALID_STATE,
          ACCESS_DENIED,
          PROVIDER_REJECTED,
          CONSENT_MISMATCH,
          INSUFFICIENT_SCOPE,
          IDEMPOTENCY_CONFLICT ->
          INVALID_INPUT;
      case NOT_CONFIGURED -> NOT_CONFIGURED;
      case CONCURRENT_UPDATE, STORAGE_FAILURE, STORAGE_UNAVAILABLE, UNAUTHORIZED, INTERNAL_ERROR ->
          FAILURE;
    };
  }

  @Override
  public int getExitCode(Throwable failure) {
    if (failure instanceof IntegrationException e) {
      return of(e.code());
    }
    if (failure instanceof CliException e) {
      return e.exitCode();
    }
    if (failure instanceof InvalidConfigurationException) {
      return NOT_CONFIGURED;
    }
    if (failure instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return FAILURE;
  }

  /** The table shown under "Exit codes:" in every command's help. */
  static Map<String, String> descriptions() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(key(OK), "Success.");
    codes.put(key(FAILURE), "Any other failure (storage, timeout, bug).");
    codes.put(key(USAGE), "Usage error: unknown command or option, missing argument.");
    codes.put(key(NOT_CONNECTED), "The user has no connection to this integration.");
    codes.put(key(REAUTHORIZATION_REQUIRED), "Reauthorization required: connect again.");
    codes.put(
        key(PROVIDER_FAILURE), "The provider failed, was unreachable, slow or rate limiting.");
    codes.put(key(INVALID_INPUT), "Invalid input: refused by us or by the provider.");
    codes.put(key(NOT_CONFIGURED), "Not configured: a setting is missing or malformed.");
    return codes;
  }

  /** Adds the exit code table to the help of {@code commandLine} and all its subcommands. */
  static void describe(CommandLine commandLine) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(descriptions());
    commandLine.getSubcommands().values().forEach(ExitCodes::describe);
  }

  private static String key(int code) {
    return String.format("%3d", code);
  }
}
