package dev.integrations.core.memory;

import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.contract.HealthStoreContract;

class InMemoryHealthStoreTest extends HealthStoreContract {
  @Override
  protected HealthStore newStore() {
    return new InMemoryHealthStore();
  }
}
