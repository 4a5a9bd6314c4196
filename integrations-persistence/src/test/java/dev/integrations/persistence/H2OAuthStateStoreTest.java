package dev.integrations.persistence;

import dev.integrations.core.port.OAuthStateStore;
import dev.integrations.core.port.contract.OAuthStateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The OAuthStateStore contract on an H2 file. */
class H2OAuthStateStoreTest extends OAuthStateStoreContract {
  @TempDir Path directory;
  private TestDatabase database;

  @Override
  protected OAuthStateStore newStore() {
    database = TestDatabase.h2(directory);
    return database.stores().stateStore();
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }
}
