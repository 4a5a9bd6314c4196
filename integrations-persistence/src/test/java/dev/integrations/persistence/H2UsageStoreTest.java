package dev.integrations.persistence;

import dev.integrations.core.port.UsageStore;
import dev.integrations.core.port.contract.UsageStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The UsageStore contract on an H2 file. */
class H2UsageStoreTest extends UsageStoreContract {
  @TempDir Path directory;
  private TestDatabase database;

  @Override
  protected UsageStore newStore() {
    database = TestDatabase.h2(directory);
    return database.stores().usageStore();
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }
}
