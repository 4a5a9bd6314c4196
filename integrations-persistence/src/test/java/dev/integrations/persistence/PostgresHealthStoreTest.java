package dev.integrations.persistence;

import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.contract.HealthStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The HealthStore contract on a fresh PostgreSQL schema. */
class PostgresHealthStoreTest extends HealthStoreContract {
  @TempDir Path directory;
  private TestDatabase database;

  @Override
  protected HealthStore newStore() {
    database = TestDatabase.postgres();
    return database.stores().healthStore();
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }
}
