package dev.integrations.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway is skipped only when its history shows exactly our migrations, with Flyway's own
 * checksums.
 */
class CurrentSchemaTest {
  @TempDir Path directory;

  @Test
  void a_new_database_is_not_current_and_a_migrated_one_is() {
    try (HikariDataSource pool = Database.pool(url(), "", "", 2)) {
      assertThat(CurrentSchema.isCurrent(pool)).isFalse();

      Database.migrate(pool);

      assertThat(CurrentSchema.isCurrent(pool)).as("checksums computed like Flyway's").isTrue();
    }
  }

  @Test
  void a_migration_whose_checksum_differs_from_the_applied_one_leaves_the_check_to_flyway()
      throws Exception {
    try (HikariDataSource pool = Database.pool(url(), "", "", 2)) {
      Database.migrate(pool);
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1");
      }

      assertThat(CurrentSchema.isCurrent(pool)).isFalse();
    }
  }

  private String url() {
    return "jdbc:h2:file:" + directory.resolve("integrations").toAbsolutePath();
  }
}
