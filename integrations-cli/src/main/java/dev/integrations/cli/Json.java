package dev.integrations.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON shapes of the CLI's own results, which the HTTP API does not have ({@code token}); every result
 * the API also gives is printed as the API's presentation record (see {@code
 * dev.integrations.bootstrap.presentation}).
 */
final class Json {
  private Json() {}

  static Map<String, Object> of(String key, Object value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(key, value);
    return json;
  }
}
