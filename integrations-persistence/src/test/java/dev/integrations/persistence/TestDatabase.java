package dev.integrations.persistence;

import dev.integrations.core.port.TokenCipher;
import dev.integrations.testing.Prerequisites;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where one test's stores live: a fresh H2 file in a temporary directory, or a fresh schema of the
 * test PostgreSQL (skipped when none is reachable, failed instead where {@link Prerequisites} says
 * the database must be there).
 */
abstract class TestDatabase implements AutoCloseable {
  static final String PG_URL =
      env("INTEGRATIONS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/integrations_test");
  static final String PG_USER = env("INTEGRATIONS_TEST_PG_USER", "integrations");
  static final String PG_PASSWORD = env("INTEGRATIONS_TEST_PG_PASSWORD", "integrations");

  private static volatile String postgresUnreachable;

  final TokenCipher cipher = TestKeys.cipher();
  private JdbiStores stores;

  /** The JDBC URL the stores were opened with. */
  abstract String url();

  abstract String user();

  abstract String password();

  /** The stores, opened (and migrated) on first use. */
  JdbiStores stores() {
    if (stores == null) {
      stores = JdbiStores.open(url(), user(), password(), cipher, 4);
    }
    return stores;
  }

  /** The stores, opened on first use with a webhook outbox for deliveries to {@code endpoint}. */
  JdbiStores stores(String webhookEndpoint) {
    if (stores == null) {
      stores = JdbiStores.open(url(), user(), password(), cipher, 4, webhookEndpoint);
    }
    return stores;
  }

  /** A plain JDBC connection to the same database, for looking under the stores. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  /** Closes the stores (and with them the database, for H2). */
  void closeStores() {
    if (stores != null) {
      stores.close();
      stores = null;
    }
  }

  @Override
  public void close() throws SQLException {
    closeStores();
  }

  static TestDatabase h2(Path directory) {
    String url = "jdbc:h2:file:" + directory.resolve("integrations").toAbsolutePath();
    return new TestDatabase() {
      @Override
      String url() {
        return url;
      }

      @Override
      String user() {
        return "";
      }

      @Override
      String password() {
        return "";
      }
    };
  }

  static TestDatabase postgres() {
    String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection admin = postgresAdmin();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the test schema " + schema, e);
    }
    String url =
        PG_URL
            + (PG_URL.contains("?") ? "&" : "?")
            + "currentSchema="
            + schema
            + "&ApplicationName=integrations-test-"
            + schema;
    return new TestDatabase() {
      @Override
      String url() {
        return url;
      }

      @Override
      String user() {
        return PG_USER;
      }

      @Override
      String password() {
        return PG_PASSWORD;
      }

      @Override
      public void close() throws SQLException {
        closeStores();
        try (Connection admin = postgresAdmin();
            Statement statement = admin.createStatement()) {
          statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    };
  }

  /** A connection to the test PostgreSQL, or the test skipped (failed where it is required). */
  static Connection postgresAdmin() {
    if (postgresUnreachable == null) {
      Properties login = new Properties();
      login.setProperty("user", PG_USER);
      login.setProperty("password", PG_PASSWORD);
      login.setProperty("connectTimeout", "5");
      try {
        return DriverManager.getConnection(PG_URL, login);
      } catch (SQLException e) {
        postgresUnreachable =
            "PostgreSQL is not reachable at "
                + PG_URL
                + " as "
                + PG_USER
                + " ("
                + e.getMessage()
                + "). To run"
                + " these tests, start PostgreSQL and create that user and database (CREATE USER integrations"
                + " PASSWORD 'integrations'; CREATE DATABASE integrations_test OWNER integrations;), or point"
                + " INTEGRATIONS_TEST_PG_URL, INTEGRATIONS_TEST_PG_USER and INTEGRATIONS_TEST_PG_PASSWORD at one.";
      }
    }
    throw Prerequisites.missing(postgresUnreachable);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
