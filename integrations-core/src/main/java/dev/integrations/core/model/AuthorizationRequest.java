package dev.integrations.core.model;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A pending OAuth consent: the state sent to the provider and what it is bound to. Stored until the
 * callback consumes it, at most once, before {@code expiresAt}.
 *
 * @param state 32 random bytes, base64url; the only handle the callback has
 * @param user the user who started the connect
 * @param type the integration being connected
 * @param codeVerifier the PKCE verifier of this request alone
 * @param redirectUri the exact redirect URI sent to the provider, repeated at the code exchange
 * @param expiresAt when the request stops being accepted
 */
public record AuthorizationRequest(
    Secret state,
    UserId user,
    IntegrationType type,
    Secret codeVerifier,
    URI redirectUri,
    Instant expiresAt) {
  /** Validates the request; every component is required. */
  public AuthorizationRequest {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The PKCE S256 code challenge of this request's verifier (RFC 7636 section 4.2). */
  public String codeChallenge() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(codeVerifier.reveal().getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Whether the request is no longer acceptable at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
