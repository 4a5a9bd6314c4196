package dev.integrations.persistence;

import dev.integrations.core.port.IdempotencyStore;
import dev.integrations.core.port.contract.IdempotencyStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The {@link IdempotencyStore} contract on one database. */
abstract class JdbiIdempotencyStoreContract extends IdempotencyStoreContract {
  @TempDir Path directory;
  TestDatabase database;

  abstract TestDatabase database(Path directory);

  @Override
  protected IdempotencyStore newStore() {
    database = database(directory);
    return database.stores().idempotencyStore();
  }

  /** Moves every claim into the past, under the store. */
  @Override
  protected void ageEveryRecordPastRetention() {
    try (Connection connection = database.connect();
        PreparedStatement age =
            connection.prepareStatement("UPDATE idempotency_keys SET claimed_at = ?")) {
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
