package dev.integrations.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for the few CLI results the HTTP API has no record for (the others print the API's own
 * presentation records, from {@code dev.integrations.bootstrap.presentation}).
 */
final class Json {
  private Json() {}

  static Map<String, Object> of(String key, Object value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(key, value);
    return json;
  }
}
