package dev.integrations.core.model;

import dev.integrations.core.error.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a connection. Never carries a secret.
 *
 * @param kind what happened
 * @param user whose connection
 * @param type which integration
 * @param reason why, for failures; null otherwise
 * @param at when
 */
public record ConnectionEvent(
    Kind kind, UserId user, IntegrationType type, ErrorCode reason, Instant at) {
  /** What happened to a connection. */
  public enum Kind {
    /** A bot token was accepted, or an OAuth authorization completed with every required scope. */
    CONNECTED,
    /** An access token was renewed and stored. */
    REFRESHED,
    /** The provider refused the grant, or the grant lacks scopes: the user must connect again. */
    REAUTHORIZATION_REQUIRED,
    /** A test or an action found the credentials refused. */
    TEST_FAILED,
    /** The user disconnected; the credentials were deleted. */
    DISCONNECTED,
    /** The user authorized again a connection that already existed. */
    REAUTHORIZED,
    /** A refresh failed for a reason that may pass (provider down, timeout); the grant is kept. */
    REFRESH_FAILED,
    /** A connection that had failed works again. */
    RECOVERED
  }

  /** Requires everything but the reason. */
  public ConnectionEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
  }
}
