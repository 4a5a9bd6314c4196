package dev.integrations.core.memory;

import dev.integrations.core.port.OAuthStateStore;
import dev.integrations.core.port.contract.OAuthStateStoreContract;

class InMemoryOAuthStateStoreTest extends OAuthStateStoreContract {
  @Override
  protected OAuthStateStore newStore() {
    return new InMemoryOAuthStateStore();
  }
}
