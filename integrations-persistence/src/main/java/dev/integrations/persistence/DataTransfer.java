package dev.integrations.persistence;

import dev.integrations.core.error.StorageException;
import dev.integrations.core.port.TokenCipher;
import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every row of every table of one database, as text: read in one consistent snapshot, written in
 * one transaction. What {@code db copy}, {@code export} and {@code import} are made of. Sealed
 * values are opened and sealed again on the way ({@link SealedColumns}), so a row moves to a
 * database, or into an archive, whose key differs. Tables are found in the schema, so a table that
 * a later migration adds moves too. Thread-safe; each call uses its own database connection.
 */
public final class DataTransfer {
  /** Receives rows, table by table. */
  public interface RowSink {
    /** One row of {@code table}: column name (lower case) to value as text, null for NULL. */
    void row(String table, Map<String, String> row);
  }

  private final DataSource dataSource;
  private final AesGcmTokenCipher cipher;

  DataTransfer(DataSource dataSource, AesGcmTokenCipher cipher) {
    this.dataSource = dataSource;
    this.cipher = cipher;
  }

  /** This database's own cipher: what its sealed values open with. */
  public TokenCipher cipher() {
    return cipher;
  }

  /** Rows per table, sorted by table name. */
  public Map<String, Long> counts() {
    return StorageErrors.jdbc(
        "count rows",
        () -> {
          Map<String, Long> counts = new TreeMap<>();
          try (Connection connection = dataSource.getConnection()) {
            for (String table : Tables.names(connection)) {
              counts.put(table, Tables.count(connection, table));
            }
          }
          return counts;
        });
  }

  /** Whether every table is empty. */
  public boolean isEmpty() {
    return counts().values().stream().allMatch(n -> n == 0);
  }

  /**
   * Hands every row to {@code sink} from one read-only, repeatable-read snapshot, with sealed
   * values opened with this database's keys and sealed again with {@code resealWith} (null: passed
   * as stored).
   *
   * @return the rows read per table
   * @throws StorageException when a sealed value does not open (nothing more is read)
   */
  public Map<String, Long> read(TokenCipher resealWith, RowSink sink) {
    return StorageErrors.jdbc(
        "read every table",
        () -> {
          Map<String, Long> counts = new TreeMap<>();
          try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
              for (String table : Tables.names(connection)) {
                List<Tables.Column> columns = Tables.columns(connection, table);
                long n = 0;
                try (PreparedStatement query =
                    connection.prepareStatement("SELECT * FROM " + table)) {
                  query.setFetchSize(500);
                  try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                      Map<String, String> row = new LinkedHashMap<>();
                      for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i).name(), Tables.read(rs, i + 1, columns.get(i)));
                      }
                      sink.row(
                          table, resealWith == null ? row : reseal(table, row, cipher, resealWith));
                      n++;
                    }
                  }
                }
                counts.put(table, n);
              }
            } finally {
              rollbackQuietly(connection);
              connection.setReadOnly(false);
            }
          }
          return counts;
        });
  }

  /**
   * Writes rows into this database in one transaction, committed by {@link Writer#commit()}; sealed
   * values are opened with {@code openWith} (null: they are already sealed for this database) and
   * sealed with this database's current key.
   *
   * @param replace delete every row this database holds first, in the same transaction
   */
  public Writer writer(TokenCipher openWith, boolean replace) {
    return StorageErrors.jdbc(
        "start writing", () -> new Writer(dataSource.getConnection(), openWith, replace));
  }

  /**
   * Rows going into this database; nothing is visible before {@link #commit()}. Not thread-safe.
   */
  public final class Writer implements RowSink, AutoCloseable {
    private final Connection connection;
    private final TokenCipher openWith;
    private final Map<String, List<Tables.Column>> columns = new HashMap<>();
    private final Map<String, Long> written = new TreeMap<>();

    private Writer(Connection connection, TokenCipher openWith, boolean replace)
        throws SQLException {
      this.connection = connection;
      this.openWith = openWith;
      connection.setAutoCommit(false);
      for (String table : Tables.names(connection)) {
        columns.put(table, Tables.columns(connection, table));
        if (replace) {
          try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table)) {
            delete.executeUpdate();
          }
        }
      }
    }

    @Override
    public void row(String table, Map<String, String> row) {
      List<Tables.Column> target = columns.get(table);
      if (target == null) {
        throw new StorageException(
            "The target database has no table " + table + ": is it an older version?");
      }
      Map<String, String> values = openWith == null ? row : reseal(table, row, openWith, cipher);
      List<Tables.Column> present =
          target.stream().filter(c -> values.containsKey(c.name())).toList();
      String sql =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", present.stream().map(Tables.Column::name).toList())
              + ") VALUES ("
              + String.join(", ", present.stream().map(c -> "?").toList())
              + ")";
      StorageErrors.jdbc(
          "write a row of " + table,
          () -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
              for (int i = 0; i < present.size(); i++) {
                Tables.bind(insert, i + 1, present.get(i), values.get(present.get(i).name()));
              }
              return insert.executeUpdate();
            }
          });
      written.merge(table, 1L, Long::sum);
    }

    /** The rows written so far per table. */
    public Map<String, Long> written() {
      return new TreeMap<>(written);
    }

    /**
     * Makes every row written visible at once, numbering past the copied ids; returns rows per
     * table.
     */
    public Map<String, Long> commit() {
      return StorageErrors.jdbc(
          "commit the rows",
          () -> {
            for (Map.Entry<String, List<Tables.Column>> table : columns.entrySet()) {
              Tables.renumber(connection, table.getKey(), table.getValue());
            }
            connection.commit();
            return written;
          });
    }

    /** Rolls back what was not committed and releases the connection. */
    @Override
    public void close() {
      StorageErrors.jdbc(
          "finish writing",
          () -> {
            try (connection) {
              rollbackQuietly(connection);
            }
            return null;
          });
    }
  }

  /** {@code row} with each sealed value opened with {@code from} and sealed with {@code to}. */
  private static Map<String, String> reseal(
      String table, Map<String, String> row, TokenCipher from, TokenCipher to) {
    Map<String, String> out = new LinkedHashMap<>(row);
    for (SealedColumns.Column column : SealedColumns.of(table)) {
      String value = row.get(column.column());
      if (value != null) {
        String place = column.place().apply(row);
        out.put(column.column(), to.seal(from.open(value, place), place));
      }
    }
    return out;
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the connection is closed or broken; nothing was committed
    }
  }
}
