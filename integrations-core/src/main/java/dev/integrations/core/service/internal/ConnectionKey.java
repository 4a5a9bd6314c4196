package dev.integrations.core.service.internal;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.util.Objects;

/** Names one connection: a user and an integration. */
public record ConnectionKey(UserId user, IntegrationType type) {
  /** Requires both parts. */
  public ConnectionKey {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return type + " of user " + user;
  }
}
