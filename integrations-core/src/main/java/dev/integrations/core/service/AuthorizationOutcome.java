package dev.integrations.core.service;

import dev.integrations.core.model.Connection;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import java.time.Instant;
import java.util.Objects;

/** What a callback did: completed the connection, or parked it for the user's own completion. */
public sealed interface AuthorizationOutcome {

  /** The integration is connected (the grant is stored). */
  record Completed(Connection connection) implements AuthorizationOutcome {
    /** Requires the connection. */
    public Completed {
      Objects.requireNonNull(connection, "connection");
    }
  }

  /**
   * Nothing is stored yet: the provider's answer waits, sealed, under {@code handle} until {@code
   * expiresAt}; the user who started the connect completes it with {@link
   * IntegrationService#confirmAuthorization}. The handle is shown only to the browser that came
   * back.
   */
  record AwaitingUser(IntegrationType type, Secret handle, Instant expiresAt)
      implements AuthorizationOutcome {
    /** Requires every component. */
    public AwaitingUser {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }
}
