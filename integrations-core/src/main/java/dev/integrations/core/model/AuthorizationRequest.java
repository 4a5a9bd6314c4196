package dev.integrations.core.model;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A pending OAuth consent: the state sent to the provider and what it is bound to. Stored until it
 * is consumed, at most once, before {@code expiresAt}.
 *
 * <p>A request waiting for {@link Completion#API API completion} is stored twice in its life: first
 * under its state, then, once the provider's answer came back, under a fresh one-time handle in
 * place of the state, with the authorization code sealed beside it ({@link #parked(Secret,
 * Secret)}).
 *
 * @param state 32 random bytes, base64url; the only handle the callback has (the completion handle
 *     once parked)
 * @param user the user who started the connect
 * @param type the integration being connected
 * @param codeVerifier the PKCE verifier of this request alone
 * @param redirectUri the exact redirect URI sent to the provider, repeated at the code exchange
 * @param expiresAt when the request stops being accepted
 * @param completion how the person completing it proves they started it
 * @param bindingHash for {@link Completion#BROWSER}: SHA-256 (lowercase hex) of the browser binding
 *     secret; null otherwise. The secret itself is never stored.
 * @param parkedCode for a parked {@link Completion#API} request: the provider's authorization code,
 *     waiting for the user's own completion; null otherwise
 */
public record AuthorizationRequest(
    Secret state,
    UserId user,
    IntegrationType type,
    Secret codeVerifier,
    URI redirectUri,
    Instant expiresAt,
    Completion completion,
    String bindingHash,
    Secret parkedCode) {
  /**
   * Validates the request: every component is required but the binding hash and the parked code.
   */
  public AuthorizationRequest {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(completion, "completion");
    if ((completion == Completion.BROWSER) != (bindingHash != null)) {
      throw new IllegalArgumentException(
          "a binding hash is required for browser completion, and only there");
    }
    if (bindingHash != null && !bindingHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a binding hash is a lowercase hex SHA-256");
    }
    if (parkedCode != null && completion != Completion.API) {
      throw new IllegalArgumentException("only a request for API completion parks a code");
    }
  }

  /**
   * A request completed by the application for a user it authenticated itself ({@link
   * Completion#CALLER}), as every request was before completions were told apart.
   */
  public AuthorizationRequest(
      Secret state,
      UserId user,
      IntegrationType type,
      Secret codeVerifier,
      URI redirectUri,
      Instant expiresAt) {
    this(state, user, type, codeVerifier, redirectUri, expiresAt, Completion.CALLER, null, null);
  }

  /** The PKCE S256 code challenge of this request's verifier (RFC 7636 section 4.2). */
  public String codeChallenge() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sha256(codeVerifier, StandardCharsets.US_ASCII));
  }

  /** Whether the request is no longer acceptable at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether the provider's answer is waiting here for the user's own completion. */
  public boolean isParked() {
    return parkedCode != null;
  }

  /**
   * Whether {@code browserSecret} is the binding secret of this request: the request is for browser
   * completion and the secret's SHA-256 equals the stored one (compared in constant time).
   */
  public boolean isBoundTo(Secret browserSecret) {
    return completion == Completion.BROWSER
        && browserSecret != null
        && MessageDigest.isEqual(
            bindingHashOf(browserSecret).getBytes(StandardCharsets.US_ASCII),
            bindingHash.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * This request, waiting under {@code handle} instead of its state, with {@code code} sealed
   * beside it.
   */
  public AuthorizationRequest parked(Secret handle, Secret code) {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(code, "code");
    return new AuthorizationRequest(
        handle, user, type, codeVerifier, redirectUri, expiresAt, completion, bindingHash, code);
  }

  /** The SHA-256 (lowercase hex) of a browser binding secret: what is stored in its place. */
  public static String bindingHashOf(Secret browserSecret) {
    return HexFormat.of().formatHex(sha256(browserSecret, StandardCharsets.UTF_8));
  }

  private static byte[] sha256(Secret value, Charset charset) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.reveal().getBytes(charset));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
