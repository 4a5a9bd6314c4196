package dev.integrations.core.service.internal;

import dev.integrations.core.port.UsageStore;
import dev.integrations.core.port.contract.UsageStoreContract;

class LocalUsageStoreTest extends UsageStoreContract {
  @Override
  protected UsageStore newStore() {
    return new LocalUsageStore();
  }
}
