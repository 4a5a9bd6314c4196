package dev.integrations.persistence;

import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.contract.ConnectionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ConnectionStore contract on an H2 file, with health and usage kept elsewhere (in memory): the
 * overview cannot join them in SQL and reads them from where they are.
 */
class H2ConnectionStoreWithOtherStoresTest extends ConnectionStoreContract {
  @TempDir Path directory;
  private TestDatabase database;

  @Override
  protected ConnectionStore newStore() {
    database = TestDatabase.h2(directory);
    return database.stores().connectionStore();
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }
}
