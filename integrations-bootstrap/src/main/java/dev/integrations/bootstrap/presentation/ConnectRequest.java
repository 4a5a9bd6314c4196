package dev.integrations.bootstrap.presentation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.integrations.core.error.InvalidRequestException;
import java.util.Map;

/**
 * The body of {@code POST /api/integrations/connect}.
 *
 * @param integrationType the integration to connect
 * @param botToken for bot-token integrations
 * @param apiKey for API-key integrations (WhatsApp Business's system-user token); the same field as
 *     {@code bot_token} under the name its provider uses
 * @param config the connection's values an API-key or bot-token integration asks for ({@code
 *     phone_number_id})
 * @param completion for OAuth: {@code browser} (default; the calling browser gets the binding
 *     cookie) or {@code api} (the callback parks the consent for {@code POST
 *     /api/integrations/complete})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectRequest(
    String integrationType,
    String botToken,
    String completion,
    String apiKey,
    Map<String, String> config) {
  /** The pasted token, under either name; null when neither is given. */
  @JsonIgnore
  public String token() {
    boolean bot = botToken != null && !botToken.isBlank();
    boolean key = apiKey != null && !apiKey.isBlank();
    if (bot && key && !botToken.equals(apiKey)) {
      throw new InvalidRequestException("Give either bot_token or api_key, not both.");
    }
    return bot ? botToken : key ? apiKey : null;
  }

  /**
   * Whether the token came as {@code api_key}; not a property of the JSON (it would shadow {@code
   * api_key}).
   */
  @JsonIgnore
  public boolean isApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }

  @Override
  public String toString() {
    return "ConnectRequest[integrationType="
        + integrationType
        + ", botToken="
        + (botToken == null ? "none" : "***")
        + ", apiKey="
        + (apiKey == null ? "none" : "***")
        + ", completion="
        + completion
        + ", config="
        + config
        + "]";
  }
}
