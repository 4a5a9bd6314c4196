package dev.integrations.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A token endpoint's answer to a code exchange or a refresh.
 *
 * @param accessToken the new access token
 * @param refreshToken a refresh token, or null when the answer had none (keep the stored one)
 * @param expiresIn the access token's lifetime, or null when the answer did not say
 * @param scopes the granted scopes, or null when the answer omitted {@code scope} (then they equal
 *     the requested ones, RFC 6749 section 5.1)
 */
public record TokenGrant(
    Secret accessToken, Secret refreshToken, Duration expiresIn, Set<String> scopes) {
  /** Requires an access token. */
  public TokenGrant {
    Objects.requireNonNull(accessToken, "accessToken");
    scopes = scopes == null ? null : Set.copyOf(scopes);
  }

  /** When the access token expires if the grant was received at {@code now}; null if never said. */
  public Instant expiresAt(Instant now) {
    return expiresIn == null ? null : now.plus(expiresIn);
  }

  /** The credentials of a first grant; absent scopes mean the requested ones were granted. */
  public Credentials toCredentials(Instant now, Set<String> requestedScopes) {
    return new Credentials(
        accessToken, refreshToken, expiresAt(now), scopes != null ? scopes : requestedScopes);
  }

  @Override
  public String toString() {
    return "TokenGrant[accessToken=***, refreshToken="
        + (refreshToken == null ? "none" : "***")
        + ", expiresIn="
        + expiresIn
        + ", scopes="
        + scopes
        + "]";
  }
}
