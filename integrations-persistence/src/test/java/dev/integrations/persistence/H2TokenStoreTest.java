package dev.integrations.persistence;

import java.nio.file.Path;

/** The token store contract on an H2 file. */
class H2TokenStoreTest extends JdbiTokenStoreContract {
  @Override
  TestDatabase database(Path directory) {
    return TestDatabase.h2(directory);
  }
}
