package dev.integrations.bootstrap;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.RegisteredClaims;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies the bearer tokens of the HTTP API and the MCP server, one way for both: HS256 only (the
 * algorithm is pinned, so {@code none} and other algorithms are refused), the signature, {@code
 * exp} (required: a token that never expires is refused) and {@code nbf} with a small leeway, the
 * issuer when one is configured. The user is the {@code sub} claim, or {@code user_id} when there
 * is no {@code sub}. A token verified once is remembered by its exact text until its {@code exp},
 * so a client that reuses its token is not verified again on every request.
 *
 * <p>Failures are {@code unauthorized} {@link IntegrationException}s whose sentence says what is
 * wrong, never the token. Thread-safe.
 */
public final class AccessTokens {
  /** How far {@code exp} and {@code nbf} may be off, for clocks that disagree a little. */
  public static final long LEEWAY_SECONDS = 30;

  private final JWTVerifier verifier;
  private final VerifiedTokens verified = new VerifiedTokens();

  /** Tokens signed with {@code secret}, from {@code issuer} when it is not null. */
  public AccessTokens(Secret secret, String issuer) {
    Verification verification =
        JWT.require(Algorithm.HMAC256(secret.reveal().getBytes(StandardCharsets.UTF_8)))
            .acceptLeeway(LEEWAY_SECONDS)
            .withClaimPresence(RegisteredClaims.EXPIRES_AT);
    if (issuer != null) {
      verification = verification.withIssuer(issuer);
    }
    this.verifier = verification.build();
  }

  /** The tokens of {@code wiring}'s deployment: its JWT secret and configured issuer. */
  public static AccessTokens of(Wiring wiring) {
    return new AccessTokens(wiring.jwtSecret(), wiring.settings().jwtIssuer());
  }

  /**
   * Verifies the value of an {@code Authorization} header, {@code Bearer <token>}.
   *
   * @throws IntegrationException {@code unauthorized} when it is missing, malformed or not valid
   */
  public AccessToken verify(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw unauthorized("Authentication required: send Authorization: Bearer <token>.");
    }
    String token = bearerToken(authorization.strip());
    if (token == null) {
      throw unauthorized("The Authorization header must be: Bearer <token>.");
    }
    long now = System.currentTimeMillis();
    AccessToken known = verified.get(token, now);
    if (known != null) {
      return known;
    }
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (TokenExpiredException e) {
      throw unauthorized("The token has expired.");
    } catch (MissingClaimException e) {
      throw unauthorized(
          "The token has no expiry ('exp' claim): only tokens that expire are accepted.");
    } catch (JWTVerificationException e) {
      throw unauthorized("The token is invalid.");
    }
    List<String> audience = jwt.getAudience() == null ? List.of() : jwt.getAudience();
    AccessToken access = new AccessToken(userId(jwt), audience, scopes(jwt.getClaim("scope")));
    verified.remember(token, access, jwt.getExpiresAt().getTime(), now);
    return access;
  }

  /**
   * What follows {@code Bearer} and the whitespace after it in a stripped header value; null when
   * the scheme is another or nothing follows. (By hand: a regex split was 1% of a request's time.)
   */
  private static String bearerToken(String value) {
    int end = 0;
    while (end < value.length() && !isSpace(value.charAt(end))) {
      end++;
    }
    int start = end;
    while (start < value.length() && isSpace(value.charAt(start))) {
      start++;
    }
    if (start == end
        || start == value.length()
        || !value.substring(0, end).equalsIgnoreCase("Bearer")) {
      return null;
    }
    return value.substring(start);
  }

  /** The characters of the regex class {@code \s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static UserId userId(DecodedJWT jwt) {
    String value = jwt.getSubject();
    if (value == null) {
      value = asText(jwt.getClaim("user_id"));
    }
    if (value == null) {
      throw unauthorized("The token names no user: it needs a 'sub' (or 'user_id') claim.");
    }
    try {
      return UserId.of(value);
    } catch (InvalidRequestException e) {
      throw unauthorized("The token's user id is not acceptable: " + e.getMessage());
    }
  }

  /** RFC 8693 section 4.2: a space-separated string (an array is accepted too). */
  private static Set<String> scopes(Claim claim) {
    if (claim.isMissing() || claim.isNull()) {
      return null;
    }
    Set<String> scopes = new LinkedHashSet<>();
    String text = claim.asString();
    if (text != null) {
      Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
      return scopes;
    }
    List<String> list = claim.asList(String.class);
    if (list == null) {
      throw unauthorized("The token's 'scope' claim must be a space-separated string.");
    }
    list.stream().filter(s -> s != null && !s.isBlank()).forEach(scopes::add);
    return scopes;
  }

  private static String asText(Claim claim) {
    if (claim.isMissing() || claim.isNull()) {
      return null;
    }
    String text = claim.asString();
    if (text != null) {
      return text;
    }
    Long number = claim.asLong();
    return number != null ? Long.toString(number) : null;
  }

  private static IntegrationException unauthorized(String message) {
    return new IntegrationException(ErrorCode.UNAUTHORIZED, message);
  }
}
