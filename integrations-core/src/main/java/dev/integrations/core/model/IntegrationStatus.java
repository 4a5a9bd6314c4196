package dev.integrations.core.model;

import java.util.Objects;

/**
 * A catalog entry together with one user's connection to it (a {@link ConnectionStatus#DISCONNECTED}
 * connection when the user has none).
 */
public record IntegrationStatus(Integration integration, Connection connection) {
  /** Requires both parts. */
  public IntegrationStatus {
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(connection, "connection");
  }
}
