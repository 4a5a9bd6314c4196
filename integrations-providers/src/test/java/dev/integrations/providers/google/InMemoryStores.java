package dev.integrations.providers.google;

import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryTokenStore;

/** Core's contract-tested in-memory stores, one set per test. */
final class InMemoryStores {
  final InMemoryTokenStore tokens = new InMemoryTokenStore();
  final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  final InMemoryOAuthStateStore states = new InMemoryOAuthStateStore();
}
