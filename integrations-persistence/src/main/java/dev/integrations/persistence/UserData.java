package dev.integrations.persistence;

import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the database holds about one user: every row of every table with a {@code user_id} column
 * (connections, credentials, pending OAuth states, refresh leases, and whatever per-user table a
 * later migration adds, found in the schema rather than named). Thread-safe.
 */
public final class UserData {
  private final DataSource dataSource;

  UserData(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Rows of {@code userId} per table that has a {@code user_id} column, sorted by table. */
  public Map<String, Long> count(String userId) {
    return StorageErrors.jdbc(
        "count a user's rows",
        () -> {
          Map<String, Long> counts = new TreeMap<>();
          try (Connection connection = dataSource.getConnection()) {
            for (String table : userTables(connection)) {
              try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT COUNT(*) FROM " + table + " WHERE user_id = ?")) {
                query.setString(1, userId);
                try (var rs = query.executeQuery()) {
                  rs.next();
                  counts.put(table, rs.getLong(1));
                }
              }
            }
          }
          return counts;
        });
  }

  /**
   * Deletes every row of {@code userId}, in one transaction; returns the rows deleted per table.
   */
  public Map<String, Long> delete(String userId) {
    return StorageErrors.jdbc(
        "delete a user's rows",
        () -> {
          Map<String, Long> deleted = new TreeMap<>();
          try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
              for (String table : userTables(connection)) {
                try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
                  delete.setString(1, userId);
                  deleted.put(table, (long) delete.executeUpdate());
                }
              }
              connection.commit();
            } catch (java.sql.SQLException | RuntimeException e) {
              connection.rollback();
              throw e;
            }
          }
          return deleted;
        });
  }

  private static java.util.List<String> userTables(Connection connection)
      throws java.sql.SQLException {
    java.util.List<String> tables = new java.util.ArrayList<>();
    for (String table : Tables.names(connection)) {
      if (Tables.columns(connection, table).stream().anyMatch(c -> c.name().equals("user_id"))) {
        tables.add(table);
      }
    }
    return tables;
  }
}
