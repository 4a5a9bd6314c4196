package dev.integrations.core.memory;

import dev.integrations.core.port.TokenStore;
import dev.integrations.core.port.contract.TokenStoreContract;

class InMemoryTokenStoreTest extends TokenStoreContract {
  @Override
  protected TokenStore newStore() {
    return new InMemoryTokenStore();
  }
}
