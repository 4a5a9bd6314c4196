package dev.integrations.core.memory;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.RefreshLease;
import dev.integrations.core.port.RefreshLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link RefreshLeases} in this process's memory: enough for one process (and the default of the
 * library), not shared with other processes. Thread-safe.
 */
public final class InMemoryRefreshLeases implements RefreshLeases {
  private final ConcurrentMap<Key, Held> leases = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Leases timed by the system clock. */
  public InMemoryRefreshLeases() {
    this(Clock.systemUTC());
  }

  /** Leases timed by {@code clock}. */
  public InMemoryRefreshLeases(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<RefreshLease> tryAcquire(UserId user, IntegrationType type, Duration ttl) {
    Instant now = clock.instant();
    Held mine = new Held(UUID.randomUUID().toString(), now.plus(ttl));
    Held holder =
        leases.merge(
            new Key(user, type),
            mine,
            (held, fresh) -> held.expiresAt().isAfter(now) ? held : fresh);
    return holder == mine
        ? Optional.of(new RefreshLease(user, type, mine.holder()))
        : Optional.empty();
  }

  @Override
  public void release(RefreshLease lease) {
    leases.computeIfPresent(
        new Key(lease.user(), lease.type()),
        (key, held) -> held.holder().equals(lease.holder()) ? null : held);
  }

  private record Key(UserId user, IntegrationType type) {}

  private record Held(String holder, Instant expiresAt) {}
}
