package dev.integrations.core.service.internal;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.RefreshLease;
import dev.integrations.core.port.RefreshLeases;
import java.time.Duration;
import java.util.Optional;

/**
 * The leases of a process that shares its stores with no other: every lease is granted, because the
 * refresher's single flight already allows one refresh per connection at a time in the process.
 * Stateless and thread-safe.
 */
public final class SingleProcessLeases implements RefreshLeases {
  @Override
  public Optional<RefreshLease> tryAcquire(UserId user, IntegrationType type, Duration ttl) {
    return Optional.of(new RefreshLease(user, type, "this-process"));
  }

  @Override
  public void release(RefreshLease lease) {
    // nothing is held
  }
}
