package dev.integrations.core.port;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.util.Objects;

/**
 * A lease taken from {@link RefreshLeases}.
 *
 * @param user the connection's user
 * @param type the connection's integration
 * @param holder who took it: a random id, unique per taking, that {@link RefreshLeases#release}
 *     checks
 */
public record RefreshLease(UserId user, IntegrationType type, String holder) {
  /** Requires every field. */
  public RefreshLease {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(holder, "holder");
  }
}
