package dev.integrations.providers.oauth2.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.providers.catalog.ProviderSpec.TokenResponsePaths;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A token endpoint's answer, JSON or form-encoded (GitHub without {@code Accept:
 * application/json}), read at the catalog's paths. An answer is an error when it has an {@code
 * error} field (Slack says so with HTTP 200 and {@code ok: false}).
 */
public final class TokenAnswer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode body;

  private TokenAnswer(JsonNode body) {
    this.body = body;
  }

  /** Reads {@code text}, sent with {@code contentType} (null when none). */
  public static TokenAnswer parse(String contentType, String text) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("application/x-www-form-urlencoded")
        || (!text.strip().startsWith("{") && text.contains("="))) {
      return new TokenAnswer(form(text));
    }
    try {
      JsonNode node = JSON.readTree(text);
      return new TokenAnswer(node == null || !node.isObject() ? JSON.createObjectNode() : node);
    } catch (IOException e) {
      return new TokenAnswer(JSON.createObjectNode());
    }
  }

  /** The OAuth error code ({@code invalid_grant}…), or null when the answer is not an error. */
  public String error() {
    JsonNode error = body.path("error");
    if (error.isTextual()) {
      return error.asText();
    }
    if (error.isObject()) {
      return JsonPaths.text(error, "code"); // some providers nest it
    }
    return body.path("ok").isBoolean() && !body.path("ok").asBoolean() ? "unknown_error" : null;
  }

  /** A short description the provider gave for its error, if any, without anything secret. */
  public String errorDescription() {
    String description = JsonPaths.text(body, "error_description");
    return description == null
        ? null
        : description.substring(0, Math.min(200, description.length()));
  }

  /**
   * The grant at {@code paths}; scopes are split on {@code separator}, commas and white space.
   *
   * @throws ProviderException when the answer has no access token
   */
  public TokenGrant grant(TokenResponsePaths paths, String separator, String provider) {
    String accessToken = JsonPaths.text(body, paths.accessToken());
    if (accessToken == null) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR,
          provider + "'s token answer had no access token at '" + paths.accessToken() + "'.");
    }
    return new TokenGrant(
        Secret.of(accessToken),
        Secret.ofNullable(JsonPaths.text(body, paths.refreshToken())),
        expiresIn(JsonPaths.text(body, paths.expiresIn())),
        scopes(JsonPaths.text(body, paths.scope()), separator));
  }

  private static Duration expiresIn(String seconds) {
    if (seconds == null) {
      return null; // never expires (GitHub OAuth apps), or the provider did not say
    }
    try {
      long value = Long.parseLong(seconds.trim());
      return value > 0 ? Duration.ofSeconds(value) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The granted scopes, or null when the answer did not list them (RFC 6749 section 5.1). */
  static Set<String> scopes(String scope, String separator) {
    if (scope == null) {
      return null;
    }
    String split = "[\\s,]+|" + Pattern.quote(separator);
    return Arrays.stream(scope.trim().split(split))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  private static ObjectNode form(String text) {
    ObjectNode node = JSON.createObjectNode();
    for (String pair : text.strip().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        node.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return node;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
