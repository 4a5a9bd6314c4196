package dev.integrations.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.RegisteredClaims;
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
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;

/**
 * Authenticates API callers by {@code Authorization: Bearer <JWT>}: HS256 only (the algorithm is pinned,
 * so {@code none} and other algorithms are refused), the signature, {@code exp} (required: a token that
 * never expires is refused) and {@code nbf} with a
 * small leeway, the issuer when one is configured. The user is the {@code sub} claim, or {@code
 * user_id} when there is no {@code sub}. A token verified once is remembered by its exact text until its
 * {@code exp} ({@link VerifiedTokens}), so a client that reuses its token is not verified on every request.
 *
 * <p>Thread-safe.
 */
final class JwtAuthenticator {
  static final long LEEWAY_SECONDS = 30;
  private static final String USER = "integrations.user";

  private final JWTVerifier verifier;
  private final VerifiedTokens verified = new VerifiedTokens();

  JwtAuthenticator(Secret secret, String issuer) {
    Verification verification =
        JWT.require(Algorithm.HMAC256(secret.reveal().getBytes(StandardCharsets.UTF_8)))
            .acceptLeeway(LEEWAY_SECONDS)
            .withClaimPresence(RegisteredClaims.EXPIRES_AT);
    if (issuer != null) {
      verification = verification.withIssuer(issuer);
    }
    this.verifier = verification.build();
  }

  /** A before-handler: refuses the request with 401 unless it carries a valid token. */
  void authenticate(Context ctx) {
    if (ctx.method() == HandlerType.OPTIONS) {
      return; // CORS preflight carries no credentials
    }
    ctx.attribute(USER, userOf(ctx.header(Header.AUTHORIZATION)));
  }

  /** The user a before-handler authenticated. */
  static UserId user(Context ctx) {
    UserId user = ctx.attribute(USER);
    if (user == null) {
      throw unauthorized("Authentication required.");
    }
    return user;
  }

  UserId userOf(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw unauthorized("Authentication required: send Authorization: Bearer <token>.");
    }
    String token = bearerToken(authorization.strip());
    if (token == null) {
      throw unauthorized("The Authorization header must be: Bearer <token>.");
    }
    long now = System.currentTimeMillis();
    UserId known = verified.user(token, now);
    if (known != null) {
      return known;
    }
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (TokenExpiredException e) {
      throw unauthorized("The token has expired.");
    } catch (MissingClaimException e) {
      throw unauthorized("The token has no expiry ('exp' claim): only tokens that expire are accepted.");
    } catch (JWTVerificationException e) {
      throw unauthorized("The token is invalid.");
    }
    UserId user = userId(jwt);
    verified.remember(token, user, jwt.getExpiresAt().getTime(), now);
    return user;
  }

  /**
   * What follows {@code Bearer} and the whitespace after it in a stripped header value; null when the
   * scheme is another or nothing follows. (By hand: a regex split was 1% of a request's time.)
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
    if (start == end || start == value.length() || !value.substring(0, end).equalsIgnoreCase("Bearer")) {
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
