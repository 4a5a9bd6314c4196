package dev.integrations.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables of our schema as the database describes them, and their values as text: what copies,
 * archives and purges walk, so that a table a later migration adds is included without naming it.
 * Values travel as text ({@code TIMESTAMP WITH TIME ZONE} as ISO-8601 with offset, bytes as base64)
 * and are bound back by the target column's type, so H2 and PostgreSQL exchange rows both ways.
 */
public final class Tables {
  private static final String FLYWAY_HISTORY = "flyway_schema_history";

  private Tables() {}

  /**
   * A column.
   *
   * @param name lower-case name
   * @param sqlType its {@link Types} code
   * @param typeName the database's name of its type
   * @param autoIncrement whether the database numbers it (identity or serial)
   */
  public record Column(String name, int sqlType, String typeName, boolean autoIncrement) {
    boolean isBinary() {
      return sqlType == Types.BINARY
          || sqlType == Types.VARBINARY
          || sqlType == Types.LONGVARBINARY
          || sqlType == Types.BLOB;
    }

    boolean isTimestamp() {
      String type = typeName.toLowerCase(Locale.ROOT);
      return sqlType == Types.TIMESTAMP_WITH_TIMEZONE
          || sqlType == Types.TIMESTAMP
          || type.startsWith("timestamp");
    }
  }

  /**
   * Our tables in the connection's current schema, lower-case, sorted; Flyway's history left out.
   */
  public static List<String> names(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs =
        meta.getTables(
            connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.equals(FLYWAY_HISTORY)) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    return names;
  }

  /** The columns of {@code table}, in table order. */
  public static List<Column> columns(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String pattern = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs =
        meta.getColumns(connection.getCatalog(), connection.getSchema(), pattern, "%")) {
      while (rs.next()) {
        columns.add(
            new Column(
                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                rs.getInt("DATA_TYPE"),
                rs.getString("TYPE_NAME"),
                "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
      }
    }
    return columns;
  }

  /** How many rows {@code table} holds. */
  public static long count(Connection connection, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
        ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The value of {@code column} at {@code index} as text, null for NULL. */
  public static String read(ResultSet rs, int index, Column column) throws SQLException {
    if (column.isTimestamp()) {
      OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
      return time == null ? null : time.toString();
    }
    if (column.isBinary()) {
      byte[] bytes = rs.getBytes(index);
      return bytes == null ? null : java.util.Base64.getEncoder().encodeToString(bytes);
    }
    return rs.getString(index);
  }

  /**
   * Binds the text {@code value} to parameter {@code index}, converted to the type of {@code
   * column}.
   */
  public static void bind(PreparedStatement statement, int index, Column column, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, column.sqlType());
      return;
    }
    switch (column.sqlType()) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
          statement.setLong(index, Long.parseLong(value));
      case Types.BOOLEAN, Types.BIT ->
          statement.setBoolean(index, Boolean.parseBoolean(value) || value.equals("t"));
      case Types.DOUBLE, Types.FLOAT, Types.REAL ->
          statement.setDouble(index, Double.parseDouble(value));
      case Types.NUMERIC, Types.DECIMAL ->
          statement.setBigDecimal(index, new java.math.BigDecimal(value));
      case Types.OTHER -> statement.setObject(index, value, Types.OTHER);
      case Types.DATE -> statement.setObject(index, java.time.LocalDate.parse(value));
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
          statement.setBytes(index, java.util.Base64.getDecoder().decode(value));
      default -> {
        if (column.isTimestamp()) {
          statement.setObject(index, OffsetDateTime.parse(value));
        } else {
          statement.setString(index, value);
        }
      }
    }
  }

  /**
   * Moves the numbering of every auto-increment column of {@code table} past its largest value,
   * after rows were inserted with their numbers.
   */
  public static void renumber(Connection connection, String table, List<Column> columns)
      throws SQLException {
    boolean postgres =
        connection
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase(Locale.ROOT)
            .contains("postgres");
    for (Column column : columns) {
      if (!column.autoIncrement()) {
        continue;
      }
      long next;
      try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT COALESCE(MAX(" + column.name() + "), 0) + 1 FROM " + table);
          ResultSet rs = query.executeQuery()) {
        rs.next();
        next = rs.getLong(1);
      }
      String sql =
          postgres
              ? "SELECT setval(pg_get_serial_sequence('"
                  + table
                  + "', '"
                  + column.name()
                  + "'), "
                  + next
                  + ", false)"
              : "ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " RESTART WITH " + next;
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.execute();
      }
    }
  }
}
