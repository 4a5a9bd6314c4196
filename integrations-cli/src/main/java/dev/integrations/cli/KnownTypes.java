package dev.integrations.cli;

import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.service.Integrations;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The integration types the CLI completes on the command line (the provider catalog's, with the
 * environment's {@code INTEGRATIONS_PROVIDERS_FILE}), and the lookup of a typed one in the running
 * catalog with an error that lists the known types.
 */
final class KnownTypes implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    try {
      return Wiring.integrationTypes(Settings.fromEnvironment()).iterator();
    } catch (RuntimeException invalidConfiguration) {
      // Completion must not fail: the command itself reports the configuration error.
      return List.<String>of().iterator();
    }
  }

  /**
   * The catalog entry of {@code typed}; an {@code invalid_integration_type} error naming the
   * choices.
   */
  static Integration resolve(Integrations integrations, String typed) {
    List<Integration> catalog = integrations.connections().catalog();
    for (Integration integration : catalog) {
      if (integration.type().value().equals(typed)) {
        return integration;
      }
    }
    String known = catalog.stream().map(i -> i.type().value()).collect(Collectors.joining(", "));
    throw new InvalidRequestException(ErrorCode.INVALID_INTEGRATION_TYPE, unknown(typed, known));
  }

  /** The sentence for an unknown type, given the known ones (comma-separated). */
  static String unknown(String typed, String known) {
    return "Invalid integration type '"
        + typed
        + "'"
        + (known.isEmpty() ? "; no integration is available" : "; choose one of " + known);
  }

  /**
   * The catalog entry of {@code type}, which a subcommand fixes (the gmail, drive and telegram
   * shorthands).
   */
  static Integration resolve(Integrations integrations, IntegrationType type) {
    return resolve(integrations, type.value());
  }
}
