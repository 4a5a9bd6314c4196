package dev.integrations.bootstrap.presentation;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationStatus;
import java.time.Instant;
import java.util.List;

/**
 * One entry of {@code GET /api/integrations}: the original service's fields ({@code type, name,
 * description, icon, requires_oauth, status, last_sync}) and a few useful extras, among them the
 * connection's {@code health} (null when not connected) and its calls of the last 24 hours ({@code
 * usage_24h}).
 */
public record IntegrationEntry(
    String type,
    String name,
    String description,
    String icon,
    boolean requiresOauth,
    boolean configured,
    List<String> capabilities,
    String status,
    Instant lastSync,
    Instant connectedAt,
    String lastError,
    String lastErrorMessage,
    AccountBody account,
    List<String> scopes,
    HealthBodies.Health health,
    @JsonProperty("usage_24h") HealthBodies.Count usage24h) {

  /** The provider account behind a connection. */
  public record AccountBody(String id, String displayName) {
    public static AccountBody of(Account account) {
      return account == null ? null : new AccountBody(account.id(), account.displayName());
    }
  }

  public static IntegrationEntry of(IntegrationStatus status) {
    Integration i = status.integration();
    Connection c = status.connection();
    return new IntegrationEntry(
        i.type().value(),
        i.name(),
        i.description(),
        i.icon(),
        i.requiresOAuth(),
        i.configured(),
        i.capabilities().stream().map(Capability::wireName).sorted().toList(),
        c.status().wireName(),
        c.lastSync(),
        c.connectedAt(),
        c.lastError() == null ? null : c.lastError().wireName(),
        c.lastErrorMessage(),
        AccountBody.of(c.account()),
        i.requiredScopes().stream().sorted().toList(),
        HealthBodies.Health.of(status.health()),
        HealthBodies.Count.of(status.usage24h()));
  }
}
