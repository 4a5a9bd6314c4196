package dev.integrations.persistence;

import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.UsageStore;
import dev.integrations.core.service.internal.LocalHealthStore;
import dev.integrations.core.service.internal.LocalUsageStore;

/**
 * The ConnectionStore contract on an H2 file, with health and usage kept elsewhere (in memory): the
 * overview cannot join them in SQL and reads them from where they are.
 */
class H2ConnectionStoreWithOtherStoresTest extends H2ConnectionStoreTest {
  private final HealthStore health = new LocalHealthStore();
  private final UsageStore usage = new LocalUsageStore();

  @Override
  protected HealthStore healthStore() {
    return health;
  }

  @Override
  protected UsageStore usageStore() {
    return usage;
  }
}
