package dev.integrations.mcp;

import dev.integrations.core.model.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * Who a tool call acts for: over HTTP the user of the request's own verified token (never of a
 * session), with that token's scopes; over stdio the user named on the command line, unlimited.
 *
 * @param user the user whose connections the call uses
 * @param scopes the token's scopes, or null when it carries no {@code scope} claim (not limited)
 */
record Caller(UserId user, Set<String> scopes) {
  Caller {
    Objects.requireNonNull(user, "user");
    scopes = scopes == null ? null : Set.copyOf(scopes);
  }

  /** A caller limited by nothing but its user: stdio, or a token without a {@code scope} claim. */
  static Caller unlimited(UserId user) {
    return new Caller(user, null);
  }

  /** Whether this caller may use a tool guarded by {@code scope}. */
  boolean allows(String scope) {
    return scopes == null || scopes.contains(scope);
  }
}
