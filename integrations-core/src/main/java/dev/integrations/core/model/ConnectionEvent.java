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
public record ConnectionEvent(Kind kind, UserId user, IntegrationType type, ErrorCode reason, Instant at) {
  /** What happened to a connection. */
  public enum Kind {
    CONNECTED,
    REFRESHED,
    REAUTHORIZATION_REQUIRED,
    TEST_FAILED,
    DISCONNECTED
  }

  public ConnectionEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
  }
}
