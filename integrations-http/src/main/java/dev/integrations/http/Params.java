package dev.integrations.http;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.IntegrationType;
import io.javalin.http.Context;
import java.util.List;

/** Query parameters read strictly: a missing, repeated or malformed value is a 400 naming it. */
final class Params {
  private Params() {}

  /** The {@code integration_type} query parameter. */
  static IntegrationType integrationType(Context ctx) {
    String value = single(ctx, "integration_type");
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_INTEGRATION_TYPE,
          "Invalid integration type: the integration_type query parameter is required.");
    }
    return integrationType(value);
  }

  /** Parses an integration type given by the caller. */
  static IntegrationType integrationType(String value) {
    return IntegrationType.of(value.strip());
  }

  /** An optional text parameter, null when absent. */
  static String text(Context ctx, String name, int maxLength) {
    String value = single(ctx, name);
    if (value != null && value.length() > maxLength) {
      throw new InvalidRequestException(name + " has at most " + maxLength + " characters.");
    }
    return value;
  }

  /** An optional integer parameter in {@code [min, max]}, {@code fallback} when absent. */
  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String value = single(ctx, name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        name + " must be an integer between " + min + " and " + max + ".");
  }

  private static String single(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw new InvalidRequestException(
          "The " + name + " query parameter is given more than once.");
    }
    return values.isEmpty() ? null : values.get(0);
  }
}
