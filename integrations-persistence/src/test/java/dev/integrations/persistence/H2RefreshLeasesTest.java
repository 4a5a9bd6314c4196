package dev.integrations.persistence;

import java.nio.file.Path;

/** The refresh leases contract on an H2 file. */
class H2RefreshLeasesTest extends JdbiRefreshLeasesContract {
  @Override
  TestDatabase database(Path directory) {
    return TestDatabase.h2(directory);
  }
}
