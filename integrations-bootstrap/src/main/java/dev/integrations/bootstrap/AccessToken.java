package dev.integrations.bootstrap;

import dev.integrations.core.model.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified bearer token says about its caller.
 *
 * @param user the user it acts for ({@code sub}, or {@code user_id} when there is no {@code sub})
 * @param audience the {@code aud} values it names, empty when it has none
 * @param scopes the space-separated values of its {@code scope} claim, or null when it has no such
 *     claim (a token without one is not limited by scope)
 */
public record AccessToken(UserId user, List<String> audience, Set<String> scopes) {
  /** Requires the user; copies the audience and the scopes. */
  public AccessToken {
    Objects.requireNonNull(user, "user");
    audience = List.copyOf(audience);
    scopes = scopes == null ? null : Set.copyOf(scopes);
  }

  /** Whether the token is limited by a {@code scope} claim. */
  public boolean scoped() {
    return scopes != null;
  }

  /**
   * Whether the token may use what {@code scope} guards: it has no {@code scope} claim, or names
   * it.
   */
  public boolean allows(String scope) {
    return scopes == null || scopes.contains(scope);
  }
}
