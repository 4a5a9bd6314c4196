package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbiStoresTest {
  private static final UserId ANN = UserId.of("ann");

  @TempDir Path directory;

  @Test
  void is_healthy_while_open_and_not_after_close() {
    TestDatabase database = TestDatabase.h2(directory);
    JdbiStores stores = database.stores();
    assertThat(stores.isHealthy()).isTrue();

    stores.close();

    assertThat(stores.isHealthy()).isFalse();
  }

  @Test
  void reopening_a_database_keeps_its_data_and_migrates_nothing_twice() throws Exception {
    TestDatabase database = TestDatabase.h2(directory);
    database
        .stores()
        .tokenStore()
        .put(ANN, IntegrationType.TELEGRAM, Credentials.ofToken(Secret.of("bot")));
    int migrated = appliedMigrations(database);
    database.closeStores();

    JdbiStores reopened = JdbiStores.open(database.url(), "", "", database.cipher);
    try {
      assertThat(reopened.tokenStore().find(ANN, IntegrationType.TELEGRAM)).isPresent();
      assertThat(migrated)
          .as("every shipped migration applied on first open")
          .isEqualTo(migrationFiles());
      assertThat(appliedMigrations(database)).isEqualTo(migrated);
    } finally {
      reopened.close();
    }
  }

  /** How many versioned migrations the module ships (each must have been applied exactly once). */
  private static int migrationFiles() throws Exception {
    try (var files =
        java.nio.file.Files.list(
            java.nio.file.Path.of(JdbiStoresTest.class.getResource("/db/migration").toURI()))) {
      return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
  }

  private static int appliedMigrations(TestDatabase database) throws Exception {
    try (java.sql.Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void create_uses_the_callers_data_source_and_leaves_it_open() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:create_test;DB_CLOSE_DELAY=-1");
    JdbiStores stores = JdbiStores.create(dataSource, TestKeys.cipher());
    stores
        .connectionStore()
        .save(Connection.connected(ANN, IntegrationType.GMAIL, Instant.EPOCH, null));

    stores.close();

    try (java.sql.Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM connections")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      s.execute("SHUTDOWN");
    }
  }

  @Test
  void refuses_other_databases_without_repeating_the_url() {
    assertThatThrownBy(
            () ->
                JdbiStores.open("jdbc:mysql://db/x?password=hunter2", "u", "p", TestKeys.cipher()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void reports_database_failures_as_storage_exceptions_without_statements_or_values()
      throws Exception {
    TestDatabase database = TestDatabase.h2(directory);
    JdbiStores stores = database.stores();
    try (java.sql.Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE credentials");
    }

    assertThatThrownBy(
            () ->
                stores
                    .tokenStore()
                    .put(ANN, IntegrationType.GMAIL, Credentials.ofToken(Secret.of("t"))))
        .isInstanceOf(StorageException.class)
        .hasMessage("Could not save credentials: the database failed (SQLState 42S02).")
        .satisfies(
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                    .doesNotContain("v1:")
                    .doesNotContain("arguments");
              }
            });
    database.close();
  }
}
