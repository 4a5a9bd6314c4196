package dev.integrations.core.memory;

import dev.integrations.core.port.UsageStore;
import dev.integrations.core.port.contract.UsageStoreContract;

class InMemoryUsageStoreTest extends UsageStoreContract {
  @Override
  protected UsageStore newStore() {
    return new InMemoryUsageStore();
  }
}
