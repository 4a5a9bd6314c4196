package dev.integrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh schema of the test PostgreSQL, dropped on close. An unreachable database skips the test,
 * or fails it where {@link Prerequisites#required()} says so. Reads INTEGRATIONS_TEST_PG_URL, _USER
 * and _PASSWORD.
 */
public final class PostgresSchema implements AutoCloseable {
  /** The test database's JDBC URL. */
  public static final String PG_URL =
      env("INTEGRATIONS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/integrations_test");

  /** The test database's user. */
  public static final String PG_USER = env("INTEGRATIONS_TEST_PG_USER", "integrations");

  /** The test database's password. */
  public static final String PG_PASSWORD = env("INTEGRATIONS_TEST_PG_PASSWORD", "integrations");

  private final String schema =
      "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

  private PostgresSchema() {
    run("CREATE SCHEMA " + schema);
  }

  /** A new schema; see the class comment for an unreachable database. */
  public static PostgresSchema create() {
    return new PostgresSchema();
  }

  /** The JDBC URL of the schema. */
  public String url() {
    return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() {
    run("DROP SCHEMA " + schema + " CASCADE");
  }

  private static void run(String sql) {
    Properties login = new Properties();
    login.setProperty("user", PG_USER);
    login.setProperty("password", PG_PASSWORD);
    login.setProperty("connectTimeout", "5");
    Connection admin;
    try {
      admin = DriverManager.getConnection(PG_URL, login);
    } catch (SQLException e) {
      throw Prerequisites.missing(
          "PostgreSQL is not reachable at "
              + PG_URL
              + " as "
              + PG_USER
              + " ("
              + e.getMessage()
              + ")");
    }
    try (admin;
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run " + sql, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
