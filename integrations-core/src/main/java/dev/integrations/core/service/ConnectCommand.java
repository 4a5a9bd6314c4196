package dev.integrations.core.service;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import java.net.URI;
import java.util.Objects;

/**
 * A request to connect a user to an integration.
 *
 * @param user who connects
 * @param type to what
 * @param botToken the token for bot-token integrations, null for OAuth ones
 * @param redirectUri for OAuth, where the provider sends the browser back; null for the configured one
 */
public record ConnectCommand(UserId user, IntegrationType type, Secret botToken, URI redirectUri) {
  /** Requires the user and the type. */
  public ConnectCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
  }

  /** Starts an OAuth connect that returns to the configured redirect URI. */
  public static ConnectCommand oauth(UserId user, IntegrationType type) {
    return new ConnectCommand(user, type, null, null);
  }

  /** Connects a bot-token integration. */
  public static ConnectCommand botToken(UserId user, IntegrationType type, Secret token) {
    return new ConnectCommand(user, type, token, null);
  }
}
