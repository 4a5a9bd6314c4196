package dev.integrations.http;

import dev.integrations.bootstrap.AccessTokens;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.UserId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;

/**
 * Authenticates API callers by {@code Authorization: Bearer <JWT>}, verified by {@link
 * AccessTokens} (HS256 pinned, signature, required {@code exp}, {@code nbf}, the configured issuer;
 * the user from {@code sub} or {@code user_id}), the same verification as the MCP server's.
 *
 * <p>Thread-safe.
 */
final class JwtAuthenticator {
  private static final String USER = "integrations.user";

  private final AccessTokens tokens;

  JwtAuthenticator(AccessTokens tokens) {
    this.tokens = tokens;
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
      throw new IntegrationException(ErrorCode.UNAUTHORIZED, "Authentication required.");
    }
    return user;
  }

  UserId userOf(String authorization) {
    return tokens.verify(authorization).user();
  }
}
