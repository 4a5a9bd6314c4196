package dev.integrations.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where configuration values come from: environment variables, over an optional properties file
 * that uses the same keys. The file is {@code INTEGRATIONS_CONFIG_FILE} when set, otherwise {@code
 * ./integrations.properties} when it exists.
 */
public final class ConfigSource {
  public static final String CONFIG_FILE_KEY = "INTEGRATIONS_CONFIG_FILE";
  private static final Path DEFAULT_FILE = Path.of("integrations.properties");

  private final Map<String, String> values;

  private ConfigSource(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The process environment over the properties file it names (or the default one). */
  public static ConfigSource fromEnvironment() {
    return of(System.getenv());
  }

  /** {@code environment} over the properties file it names (or the default one, if present). */
  public static ConfigSource of(Map<String, String> environment) {
    Map<String, String> merged = new HashMap<>();
    String named = environment.get(CONFIG_FILE_KEY);
    Path file = named != null && !named.isBlank() ? Path.of(named) : DEFAULT_FILE;
    if (named != null && !named.isBlank() && !Files.isRegularFile(file)) {
      throw new InvalidConfigurationException(
          CONFIG_FILE_KEY + " names " + file + ", which is not a readable file.");
    }
    if (Files.isRegularFile(file)) {
      merged.putAll(read(file));
    }
    environment.forEach(
        (key, value) -> {
          if (value != null) {
            merged.put(key, value);
          }
        });
    return new ConfigSource(merged);
  }

  private static Map<String, String> read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "Cannot read the configuration file " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new HashMap<>();
    properties
        .stringPropertyNames()
        .forEach(key -> values.put(key, properties.getProperty(key).strip()));
    return values;
  }

  /** The value of {@code key}, absent when unset or blank. */
  public Optional<String> get(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Never the values: some are secrets. */
  @Override
  public String toString() {
    return "ConfigSource[" + values.size() + " settings]";
  }
}
