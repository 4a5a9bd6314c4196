package dev.integrations.core.service;

import dev.integrations.core.model.Completion;
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
 * @param completion for OAuth, how the person completing the consent proves they started it
 */
public record ConnectCommand(
    UserId user, IntegrationType type, Secret botToken, URI redirectUri, Completion completion) {
  /** Requires the user, the type and the completion. */
  public ConnectCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(completion, "completion");
  }

  /**
   * A connect whose OAuth consent the application completes itself, for the user it authenticates at
   * its callback ({@link Completion#CALLER}).
   */
  public ConnectCommand(UserId user, IntegrationType type, Secret botToken, URI redirectUri) {
    this(user, type, botToken, redirectUri, Completion.CALLER);
  }

  /** Starts an OAuth connect that returns to the configured redirect URI, completed by the application. */
  public static ConnectCommand oauth(UserId user, IntegrationType type) {
    return new ConnectCommand(user, type, null, null);
  }

  /** Starts an OAuth connect that returns to the configured redirect URI, completed as {@code completion} says. */
  public static ConnectCommand oauth(UserId user, IntegrationType type, Completion completion) {
    return new ConnectCommand(user, type, null, null, completion);
  }

  /** Connects a bot-token integration. */
  public static ConnectCommand botToken(UserId user, IntegrationType type, Secret token) {
    return new ConnectCommand(user, type, token, null);
  }

}
