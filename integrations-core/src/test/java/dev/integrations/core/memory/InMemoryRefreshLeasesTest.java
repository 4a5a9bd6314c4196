package dev.integrations.core.memory;

import dev.integrations.core.port.RefreshLeases;
import dev.integrations.core.port.contract.RefreshLeasesContract;
import dev.integrations.core.testing.MutableClock;
import dev.integrations.core.testing.TestRig;

class InMemoryRefreshLeasesTest extends RefreshLeasesContract {
  private final MutableClock clock = new MutableClock(TestRig.T0);

  @Override
  protected RefreshLeases newLeases() {
    return new InMemoryRefreshLeases(clock);
  }

  @Override
  protected void letEveryLeaseRunOut() {
    clock.advance(TTL);
  }
}
