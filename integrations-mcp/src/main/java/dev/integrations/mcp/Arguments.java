package dev.integrations.mcp;

import dev.integrations.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments, read with the same sentences as the HTTP API's validation: a missing or
 * mistyped argument is an {@code invalid_request} that names it, never a crash.
 */
final class Arguments {
  private final Map<String, Object> values;

  Arguments(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  Map<String, Object> asMap() {
    return values;
  }

  String required(String name) {
    String value = optional(name);
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException("The argument '" + name + "' is required.");
    }
    return value;
  }

  /** A string argument; a number is taken as its decimal text (a chat id, for example). */
  String optional(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return Long.toString(number.longValue());
    }
    throw new InvalidRequestException("The argument '" + name + "' must be a string.");
  }

  int integer(String name, int fallback, int min, int max) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())
        || number.doubleValue() < min
        || number.doubleValue() > max) {
      throw new InvalidRequestException(
          "The argument '" + name + "' must be a whole number from " + min + " to " + max + ".");
    }
    return number.intValue();
  }

  boolean bool(String name) {
    Object value = values.get(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw new InvalidRequestException("The argument '" + name + "' must be true or false.");
  }

  /** A list of strings; a single string is taken as a list of one. */
  List<String> strings(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return List.of(text);
    }
    if (value instanceof List<?> list) {
      List<String> strings = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String text)) {
          throw new InvalidRequestException(
              "The argument '" + name + "' must be a list of strings.");
        }
        strings.add(text);
      }
      return strings;
    }
    throw new InvalidRequestException("The argument '" + name + "' must be a list of strings.");
  }
}
