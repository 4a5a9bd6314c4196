package dev.integrations.core.model;

import java.util.Objects;

/**
 * One of a user's saved connections with what is recorded about it: what the list of integrations
 * shows.
 *
 * @param connection the saved connection
 * @param health its recorded health, null when none is recorded
 * @param usage its calls over the period asked for
 */
public record ConnectionOverview(Connection connection, ConnectionHealth health, UsageCount usage) {
  /** Requires the connection and the usage. */
  public ConnectionOverview {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(usage, "usage");
  }
}
