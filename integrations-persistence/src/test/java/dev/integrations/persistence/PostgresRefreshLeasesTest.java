package dev.integrations.persistence;

import java.nio.file.Path;

/** The refresh leases contract on a fresh PostgreSQL schema. */
class PostgresRefreshLeasesTest extends JdbiRefreshLeasesContract {
  @Override
  TestDatabase database(Path directory) {
    return TestDatabase.postgres();
  }
}
