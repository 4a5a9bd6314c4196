package dev.integrations.core.memory;

import dev.integrations.core.model.UserId;
import dev.integrations.core.port.IdempotencyStore;
import dev.integrations.core.port.IdempotentCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link IdempotencyStore} in this process's memory: enough for one process, not shared with
 * others, lost on restart. Records past their retention are replaced when their key is claimed
 * again. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final ConcurrentMap<Key, IdempotentCall> calls = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Records timed by the system clock. */
  public InMemoryIdempotencyStore() {
    this(Clock.systemUTC());
  }

  /** Records timed by {@code clock}. */
  public InMemoryIdempotencyStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<IdempotentCall> claim(
      UserId user, String key, String requestHash, Duration retention) {
    Instant now = clock.instant();
    IdempotentCall mine = new IdempotentCall(requestHash, now, null);
    IdempotentCall held =
        calls.merge(
            new Key(user, key),
            mine,
            (old, fresh) -> old.claimedAt().plus(retention).isAfter(now) ? old : fresh);
    return held == mine ? Optional.empty() : Optional.of(held);
  }

  @Override
  public void complete(UserId user, String key, String outcome) {
    Objects.requireNonNull(outcome, "outcome");
    calls.computeIfPresent(
        new Key(user, key),
        (k, call) -> new IdempotentCall(call.requestHash(), call.claimedAt(), outcome));
  }

  @Override
  public void release(UserId user, String key) {
    calls.remove(new Key(user, key));
  }

  private record Key(UserId user, String key) {}
}
