package dev.integrations.core.service;

import dev.integrations.core.model.Completion;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Secret;
import java.net.URI;
import java.time.Instant;

/** What a connect did: connected at once (bot tokens) or waits for the user's consent (OAuth). */
public sealed interface ConnectResult {

  /** The integration is connected. */
  record Connected(Connection connection) implements ConnectResult {}

  /**
   * The user must open {@code authorizationUrl}; the provider will come back to the redirect URI
   * with {@code state} before {@code expiresAt}.
   *
   * @param completion how the consent will be completed
   * @param browserBinding for {@link Completion#BROWSER}: the secret to hand to the starting
   *     browser (for example as a cookie) and to pass back with the callback; null otherwise
   */
  record AuthorizationPending(
      URI authorizationUrl,
      Secret state,
      Instant expiresAt,
      Completion completion,
      Secret browserBinding)
      implements ConnectResult {}
}
