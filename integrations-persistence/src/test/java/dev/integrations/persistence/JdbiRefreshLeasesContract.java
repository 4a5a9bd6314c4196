package dev.integrations.persistence;

import dev.integrations.core.port.RefreshLeases;
import dev.integrations.core.port.contract.RefreshLeasesContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The {@link RefreshLeases} contract on one database. */
abstract class JdbiRefreshLeasesContract extends RefreshLeasesContract {
  @TempDir Path directory;
  TestDatabase database;

  abstract TestDatabase database(Path directory);

  @Override
  protected RefreshLeases newLeases() {
    database = database(directory);
    return database.stores().refreshLeases();
  }

  /** Moves every lease's expiry into the past, under the stores, as a holder that died long ago. */
  @Override
  protected void letEveryLeaseRunOut() {
    try (Connection connection = database.connect();
        PreparedStatement age =
            connection.prepareStatement("UPDATE refresh_leases SET expires_at = ?")) {
      age.setObject(1, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
      age.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }
}
