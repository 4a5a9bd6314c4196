package dev.integrations.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What lets us act for a user at a provider: an access token (or bot token), maybe a refresh token,
 * an expiry and the granted scopes. {@link #toString()} never shows a token.
 *
 * @param accessToken the bearer token, or the bot token for bot-token integrations
 * @param refreshToken the OAuth refresh token, null when the provider gave none
 * @param expiresAt when the access token stops working, null when it does not expire
 * @param scopes the scopes the provider says it granted
 */
public record Credentials(
    Secret accessToken, Secret refreshToken, Instant expiresAt, Set<String> scopes) {
  /** Requires an access token; copies the scopes. */
  public Credentials {
    Objects.requireNonNull(accessToken, "accessToken");
    scopes = Set.copyOf(scopes);
  }

  /** Credentials made of a single non-expiring token (a Telegram bot token). */
  public static Credentials ofToken(Secret token) {
    return new Credentials(token, null, null, Set.of());
  }

  /** Whether the access token is expired at {@code now + margin} (never, when it has no expiry). */
  public boolean expiresWithin(Duration margin, Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now.plus(margin));
  }

  /** The refresh token, if the grant has one. */
  public Optional<Secret> refreshTokenIfAny() {
    return Optional.ofNullable(refreshToken);
  }

  /**
   * The credentials after a refresh: the grant's access token and expiry; its refresh token when it
   * rotated one, otherwise the one we had (providers usually omit it); its scopes when it listed
   * them, otherwise the ones we had (RFC 6749 section 5.1).
   */
  public Credentials refreshedWith(TokenGrant grant, Instant now) {
    Secret nextRefresh = grant.refreshToken() != null ? grant.refreshToken() : refreshToken;
    Set<String> nextScopes = grant.scopes() != null ? grant.scopes() : scopes;
    return new Credentials(grant.accessToken(), nextRefresh, grant.expiresAt(now), nextScopes);
  }

  /** The scopes of {@code required} that these credentials lack. */
  public Set<String> missingScopes(Set<String> required) {
    Set<String> missing = new HashSet<>(required);
    missing.removeAll(scopes);
    return missing;
  }

  @Override
  public String toString() {
    return "Credentials[accessToken=***, refreshToken="
        + (refreshToken == null ? "none" : "***")
        + ", expiresAt="
        + expiresAt
        + ", scopes="
        + scopes
        + "]";
  }
}
