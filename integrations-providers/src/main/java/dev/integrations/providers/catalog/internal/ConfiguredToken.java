package dev.integrations.providers.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.model.Secret;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A pasted token together with its connection's values (WhatsApp's {@code phone_number_id}), as one
 * stored secret: {@code {"token": …, "config": {…}}}. The values are needed at every call, live
 * exactly as long as the token, and so are stored, encrypted, with it; the token store needs no
 * schema of its own for them. An entry without {@code connection_config} stores its token as it is.
 *
 * @param token the provider's token
 * @param config the connection's values, by name
 */
public record ConfiguredToken(Secret token, Map<String, String> config) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Requires the token; copies the values. */
  public ConfiguredToken {
    Objects.requireNonNull(token, "token");
    config = Map.copyOf(config);
  }

  /** The one secret to store. */
  public Secret seal() {
    ObjectNode node = JSON.createObjectNode();
    node.put("token", token.reveal());
    ObjectNode values = node.putObject("config");
    new TreeMap<>(config).forEach(values::put);
    return Secret.of(node.toString());
  }

  /**
   * The token and values sealed in {@code stored}.
   *
   * @throws CredentialsRejectedException when {@code stored} is not such a secret (stored before
   *     the entry asked for values): the user connects again
   */
  public static ConfiguredToken open(Secret stored, String provider) {
    try {
      JsonNode node = JSON.readTree(stored.reveal());
      if (node != null && node.path("token").isTextual() && node.path("config").isObject()) {
        Map<String, String> values = new LinkedHashMap<>();
        node.get("config")
            .fields()
            .forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
        return new ConfiguredToken(Secret.of(node.get("token").asText()), values);
      }
    } catch (IOException notSealed) {
      // reported below, without the secret
    }
    throw new CredentialsRejectedException(
        "The stored "
            + provider
            + " credentials lack the connection's values;"
            + " connect again with the token and its values.");
  }

  /** {@code template} with each {@code {name}} replaced by this connection's value. */
  public String fill(String template) {
    String filled = template;
    for (Map.Entry<String, String> value : config.entrySet()) {
      filled = filled.replace("{" + value.getKey() + "}", value.getValue());
    }
    return filled;
  }

  @Override
  public String toString() {
    return "ConfiguredToken[token=***, config=" + config + "]";
  }
}
