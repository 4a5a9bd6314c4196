package dev.integrations.core.model;

import java.util.Objects;

/**
 * A catalog entry together with one user's connection to it (a {@link
 * ConnectionStatus#DISCONNECTED} connection when the user has none), its health (null when not
 * connected) and its calls of the last 24 hours.
 */
public record IntegrationStatus(
    Integration integration, Connection connection, ConnectionHealth health, UsageCount usage24h) {
  /** Requires the integration, the connection and the usage. */
  public IntegrationStatus {
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(usage24h, "usage24h");
  }

  /** An entry with no health known and no usage. */
  public IntegrationStatus(Integration integration, Connection connection) {
    this(integration, connection, null, UsageCount.NONE);
  }
}
