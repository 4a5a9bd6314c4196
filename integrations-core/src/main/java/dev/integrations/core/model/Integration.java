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
 * @param credentialsGroup the provider client the integration's grants come from ({@code google} for
 *     Gmail and Drive): integrations of one group connected to the same account share one grant, which
 *     the provider revokes as a whole
 */
public record Integration(
    IntegrationType type,
    String name,
    String description,
    String icon,
    AuthMethod authMethod,
    Set<String> requiredScopes,
    String credentialsGroup) {
  /** Requires every field but the scopes, and copies those. */
  public Integration {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(authMethod, "authMethod");
    Objects.requireNonNull(credentialsGroup, "credentialsGroup");
    requiredScopes = Set.copyOf(requiredScopes);
  }

  /** An integration whose grants are its own: its credentials group is its type. */
  public Integration(
      IntegrationType type,
      String name,
      String description,
      String icon,
      AuthMethod authMethod,
      Set<String> requiredScopes) {
    this(type, name, description, icon, authMethod, requiredScopes, type.value());
  }

  /** Whether grants of this integration and {@code other} come from the same provider client. */
  public boolean sharesCredentialsWith(Integration other) {
    return credentialsGroup.equals(other.credentialsGroup);
  }

  /** Whether the user connects through an OAuth consent screen. */
  public boolean requiresOAuth() {
    return authMethod == AuthMethod.OAUTH2;
  }
}
