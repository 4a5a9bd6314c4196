package dev.integrations.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schema (2020-12) objects for tool inputs and outputs, as the plain maps the SDK sends. */
final class Schemas {
  private Schemas() {}

  /** An object schema under construction: its properties in order, and which are required. */
  static final class ObjectSchema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private boolean closed = true;

    ObjectSchema property(String name, Map<String, Object> schema) {
      properties.put(name, schema);
      return this;
    }

    ObjectSchema required(String name, Map<String, Object> schema) {
      required.add(name);
      return property(name, schema);
    }

    /** Allows properties not listed (outputs that may grow). */
    ObjectSchema open() {
      closed = false;
      return this;
    }

    Map<String, Object> build() {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "object");
      schema.put("properties", properties);
      if (!required.isEmpty()) {
        schema.put("required", List.copyOf(required));
      }
      schema.put("additionalProperties", !closed);
      return schema;
    }
  }

  static ObjectSchema object() {
    return new ObjectSchema();
  }

  static Map<String, Object> string(String description) {
    return described(Map.of("type", "string"), description);
  }

  static Map<String, Object> nullableString(String description) {
    return described(Map.of("type", List.of("string", "null")), description);
  }

  static Map<String, Object> enumOf(List<String> values, String description) {
    return described(Map.of("type", "string", "enum", List.copyOf(values)), description);
  }

  static Map<String, Object> integer(int min, int max, String description) {
    return described(Map.of("type", "integer", "minimum", min, "maximum", max), description);
  }

  static Map<String, Object> nullableInteger(String description) {
    return described(Map.of("type", List.of("integer", "null")), description);
  }

  static Map<String, Object> bool(String description) {
    return described(Map.of("type", "boolean"), description);
  }

  static Map<String, Object> arrayOf(Map<String, Object> items, String description) {
    return described(Map.of("type", "array", "items", items), description);
  }

  private static Map<String, Object> described(Map<String, Object> schema, String description) {
    Map<String, Object> copy = new LinkedHashMap<>(schema);
    if (description != null) {
      copy.put("description", description);
    }
    return copy;
  }
}
