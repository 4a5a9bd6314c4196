package dev.integrations.persistence;

import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.UsageStore;
import dev.integrations.core.port.contract.ConnectionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The ConnectionStore contract on a fresh PostgreSQL schema. */
class PostgresConnectionStoreTest extends ConnectionStoreContract {
  @TempDir Path directory;
  private TestDatabase database;

  @Override
  protected ConnectionStore newStore() {
    database = TestDatabase.postgres();
    return database.stores().connectionStore();
  }

  /** The stores of the same database: {@code overview} reads them in one query. */
  @Override
  protected HealthStore healthStore() {
    return database.stores().healthStore();
  }

  @Override
  protected UsageStore usageStore() {
    return database.stores().usageStore();
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }
}
