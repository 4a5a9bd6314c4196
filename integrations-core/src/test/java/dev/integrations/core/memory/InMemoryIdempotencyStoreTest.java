package dev.integrations.core.memory;

import dev.integrations.core.port.IdempotencyStore;
import dev.integrations.core.port.contract.IdempotencyStoreContract;
import dev.integrations.core.testing.MutableClock;
import dev.integrations.core.testing.TestRig;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  private final MutableClock clock = new MutableClock(TestRig.T0);

  @Override
  protected IdempotencyStore newStore() {
    return new InMemoryIdempotencyStore(clock);
  }

  @Override
  protected void ageEveryRecordPastRetention() {
    clock.advance(RETENTION.plusSeconds(1));
  }
}
