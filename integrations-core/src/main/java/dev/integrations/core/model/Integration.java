package dev.integrations.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * A catalog entry: a kind of service a user can connect, as shown to users.
 *
 * @param type stable identifier
 * @param name display name
 * @param description one sentence for the user
 * @param icon icon name (lucide icon set names in the original service)
 * @param authMethod how the user connects
 * @param requiredScopes OAuth scopes the integration needs; empty for bot tokens
 */
public record Integration(
    IntegrationType type,
    String name,
    String description,
    String icon,
    AuthMethod authMethod,
    Set<String> requiredScopes) {
  /** Requires every field but the scopes, and copies those. */
  public Integration {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(authMethod, "authMethod");
    requiredScopes = Set.copyOf(requiredScopes);
  }

  /** Whether the user connects through an OAuth consent screen. */
  public boolean requiresOAuth() {
    return authMethod == AuthMethod.OAUTH2;
  }
}
