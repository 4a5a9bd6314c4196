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
 * @param credentialsGroup the provider client the integration's grants come from ({@code google}
 *     for Gmail and Drive): integrations of one group connected to the same account share one
 *     grant, which the provider revokes as a whole
 * @param capabilities what connections to it can do (mail, files, messages), as its provider
 *     declares
 * @param configured whether this deployment can connect it: an OAuth integration needs its client
 *     id and secret; one that is not configured is listed, and connecting it answers {@code
 *     not_configured}
 */
public record Integration(
    IntegrationType type,
    String name,
    String description,
    String icon,
    AuthMethod authMethod,
    Set<String> requiredScopes,
    String credentialsGroup,
    Set<Capability> capabilities,
    boolean configured) {
  /** Requires every field; copies the scopes and the capabilities. */
  public Integration {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(authMethod, "authMethod");
    Objects.requireNonNull(credentialsGroup, "credentialsGroup");
    requiredScopes = Set.copyOf(requiredScopes);
    capabilities = Set.copyOf(capabilities);
  }

  /**
   * A configured integration whose grants come from {@code credentialsGroup}, with no capabilities.
   */
  public Integration(
      IntegrationType type,
      String name,
      String description,
      String icon,
      AuthMethod authMethod,
      Set<String> requiredScopes,
      String credentialsGroup) {
    this(
        type,
        name,
        description,
        icon,
        authMethod,
        requiredScopes,
        credentialsGroup,
        Set.of(),
        true);
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

  /** This integration, declaring {@code offered} as what it can do. */
  public Integration withCapabilities(Set<Capability> offered) {
    return new Integration(
        type,
        name,
        description,
        icon,
        authMethod,
        requiredScopes,
        credentialsGroup,
        offered,
        configured);
  }

  /** This integration, configured in this deployment or not. */
  public Integration withConfigured(boolean isConfigured) {
    return new Integration(
        type,
        name,
        description,
        icon,
        authMethod,
        requiredScopes,
        credentialsGroup,
        capabilities,
        isConfigured);
  }

  /** Whether it declares {@code capability}. */
  public boolean can(Capability capability) {
    return capabilities.contains(capability);
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
