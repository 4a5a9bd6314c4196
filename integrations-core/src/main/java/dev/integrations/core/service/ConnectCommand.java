package dev.integrations.core.service;

import dev.integrations.core.model.Completion;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A request to connect a user to an integration.
 *
 * @param user who connects
 * @param type to what
 * @param botToken the token for bot-token and API-key integrations, null for OAuth ones
 * @param redirectUri for OAuth, where the provider sends the browser back; null for the configured
 *     one
 * @param completion for OAuth, how the person completing the consent proves they started it
 * @param config the connection's values for a token integration that asks for some (the catalog's
 *     {@code connection_config}: WhatsApp's {@code phone_number_id}); empty otherwise
 */
public record ConnectCommand(
    UserId user,
    IntegrationType type,
    Secret botToken,
    URI redirectUri,
    Completion completion,
    Map<String, String> config) {
  /** Requires the user, the type and the completion; copies the values (none when null). */
  public ConnectCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(completion, "completion");
    config = config == null ? Map.of() : Map.copyOf(config);
  }

  /** A connect without connection values. */
  public ConnectCommand(
      UserId user, IntegrationType type, Secret botToken, URI redirectUri, Completion completion) {
    this(user, type, botToken, redirectUri, completion, Map.of());
  }

  /**
   * A connect whose OAuth consent the application completes itself, for the user it authenticates
   * at its callback ({@link Completion#CALLER}).
   */
  public ConnectCommand(UserId user, IntegrationType type, Secret botToken, URI redirectUri) {
    this(user, type, botToken, redirectUri, Completion.CALLER);
  }

  /**
   * Starts an OAuth connect that returns to the configured redirect URI, completed by the
   * application.
   */
  public static ConnectCommand oauth(UserId user, IntegrationType type) {
    return new ConnectCommand(user, type, null, null);
  }

  /**
   * Starts an OAuth connect that returns to the configured redirect URI, completed as {@code
   * completion} says.
   */
  public static ConnectCommand oauth(UserId user, IntegrationType type, Completion completion) {
    return new ConnectCommand(user, type, null, null, completion);
  }

  /** Connects a bot-token integration. */
  public static ConnectCommand botToken(UserId user, IntegrationType type, Secret token) {
    return new ConnectCommand(user, type, token, null);
  }

  /**
   * Connects an API-key integration with its connection values ({@code phone_number_id} for
   * WhatsApp).
   */
  public static ConnectCommand apiKey(
      UserId user, IntegrationType type, Secret key, Map<String, String> config) {
    return new ConnectCommand(user, type, key, null, Completion.CALLER, config);
  }
}
