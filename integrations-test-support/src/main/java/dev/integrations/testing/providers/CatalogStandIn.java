package dev.integrations.testing.providers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for a catalog provider: what to merge into the catalog ({@code
 * INTEGRATIONS_PROVIDERS_FILE}) and which settings ({@code <GROUP>_CLIENT_ID}…) point an
 * application at it.
 */
public interface CatalogStandIn extends AutoCloseable {
  /** YAML that overrides the entry's URLs (endpoints and {@code base_url}) to this stand-in. */
  String catalogOverrides();

  /** The settings this stand-in needs (client id and secret), without the providers file. */
  Map<String, String> env();

  @Override
  void close();

  /**
   * Writes the overrides of {@code standIns} (and {@code extraYaml}, which may be empty) into
   * {@code file} and returns the settings that point an application at all of them, {@code
   * INTEGRATIONS_PROVIDERS_FILE} included.
   */
  static Map<String, String> settings(Path file, String extraYaml, CatalogStandIn... standIns) {
    StringBuilder yaml = new StringBuilder(extraYaml).append('\n');
    Map<String, String> env = new HashMap<>();
    for (CatalogStandIn standIn : standIns) {
      yaml.append(standIn.catalogOverrides()).append('\n');
      env.putAll(standIn.env());
    }
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put("INTEGRATIONS_PROVIDERS_FILE", file.toString());
    return env;
  }
}
