package dev.integrations.core.memory;

import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.contract.ConnectionStoreContract;

class InMemoryConnectionStoreTest extends ConnectionStoreContract {
  @Override
  protected ConnectionStore newStore() {
    return new InMemoryConnectionStore();
  }
}
