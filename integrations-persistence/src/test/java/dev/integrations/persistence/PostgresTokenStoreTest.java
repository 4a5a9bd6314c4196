package dev.integrations.persistence;

import java.nio.file.Path;

/** The token store contract on a fresh PostgreSQL schema. */
class PostgresTokenStoreTest extends JdbiTokenStoreContract {
  @Override
  TestDatabase database(Path directory) {
    return TestDatabase.postgres();
  }
}
