package dev.integrations.core.service.internal;

import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.contract.HealthStoreContract;

class LocalHealthStoreTest extends HealthStoreContract {
  @Override
  protected HealthStore newStore() {
    return new LocalHealthStore();
  }
}
