package dev.integrations.persistence;

import dev.integrations.core.model.Secret;
import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One table's part of a {@link KeyRotation}: its rows in primary-key order, a batch at a time, each
 * re-sealed and written back with a compare-and-set. Not thread-safe; one per walk.
 */
final class TableRotation {
  private static final int ATTEMPTS_PER_ROW = 5;

  private final DataSource dataSource;
  private final AesGcmTokenCipher cipher;
  private final EncryptionKeys keys;
  private final Consumer<Map<String, String>> beforeWrite;
  private final String table;
  private final int batchSize;
  private final List<SealedColumns.Column> sealed;
  private final List<String> key;
  private final List<String> selected = new ArrayList<>();
  private boolean versioned;

  TableRotation(
      DataSource dataSource,
      AesGcmTokenCipher cipher,
      Consumer<Map<String, String>> beforeWrite,
      String table,
      int batchSize) {
    this.dataSource = dataSource;
    this.cipher = cipher;
    this.keys = cipher.keys();
    this.beforeWrite = beforeWrite;
    this.table = table;
    this.batchSize = batchSize;
    this.sealed = SealedColumns.of(table);
    this.key = sealed.get(0).key();
  }

  KeyRotation.Report run(KeyRotation.Report total, Consumer<KeyRotation.Report> progress) {
    return StorageErrors.jdbc(
        "rotate the encryption key of " + table,
        () -> {
          KeyRotation.Report sum = total;
          try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<String> columns =
                Tables.columns(connection, table).stream().map(Tables.Column::name).toList();
            versioned = columns.contains("version");
            selected.addAll(
                columns.stream()
                    .filter(c -> !c.equals("created_at") && !c.equals("updated_at"))
                    .toList());
            List<String> after = null;
            while (true) {
              List<Map<String, String>> batch = nextBatch(connection, after);
              if (batch.isEmpty()) {
                return sum;
              }
              KeyRotation.Report done = new KeyRotation.Report(0, 0, 0, List.of());
              for (Map<String, String> row : batch) {
                done = done.add(reseal(connection, row));
              }
              sum = sum.add(done);
              progress.accept(sum);
              Map<String, String> last = batch.get(batch.size() - 1);
              after = key.stream().map(last::get).toList();
            }
          }
        });
  }

  /** The next rows after {@code after} (in key order) with a value not under the current key. */
  private List<Map<String, String>> nextBatch(Connection connection, List<String> after)
      throws SQLException {
    String notCurrent =
        String.join(
            " OR ",
            sealed.stream()
                .map(c -> "(" + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE ?)")
                .toList());
    String keyList = String.join(", ", key);
    String where = "(" + notCurrent + ")";
    if (after != null) {
      where +=
          " AND ("
              + keyList
              + ") > ("
              + String.join(", ", key.stream().map(k -> "?").toList())
              + ")";
    }
    String sql =
        "SELECT "
            + String.join(", ", selected)
            + " FROM "
            + table
            + " WHERE "
            + where
            + " ORDER BY "
            + keyList
            + " FETCH FIRST "
            + batchSize
            + " ROWS ONLY";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      int i = 1;
      for (int c = 0; c < sealed.size(); c++) {
        query.setString(i++, "v1:" + keys.currentKeyId() + ":%");
      }
      if (after != null) {
        for (String value : after) {
          query.setString(i++, value);
        }
      }
      return rows(query);
    }
  }

  private KeyRotation.Report reseal(Connection connection, Map<String, String> first)
      throws SQLException {
    Map<String, String> row = first;
    for (int attempt = 1; attempt <= ATTEMPTS_PER_ROW; attempt++) {
      Map<String, String> next = new LinkedHashMap<>(row);
      try {
        for (SealedColumns.Column column : sealed) {
          String value = row.get(column.column());
          if (value != null && !SealedColumns.keyIdOf(value).equals(keys.currentKeyId())) {
            String place = column.place().apply(row);
            Secret secret = cipher.open(value, place);
            next.put(column.column(), cipher.seal(secret, place));
          }
        }
      } catch (RuntimeException cannotOpen) {
        return new KeyRotation.Report(
            0, 0, 0, List.of(describe(row) + ": " + cannotOpen.getMessage()));
      }
      if (!next.equals(row)) {
        beforeWrite.accept(row);
      }
      if (next.equals(row) || compareAndSet(connection, row, next)) {
        long changed = attempt > 1 ? 1 : 0;
        return new KeyRotation.Report(next.equals(row) ? 0 : 1, changed, 0, List.of());
      }
      Optional<Map<String, String>> again = reread(connection, row);
      if (again.isEmpty()) {
        return new KeyRotation.Report(0, 1, 1, List.of());
      }
      row = again.get();
    }
    return new KeyRotation.Report(
        0, 1, 0, List.of(describe(row) + ": changed on every attempt; run the rotation again"));
  }

  private boolean compareAndSet(
      Connection connection, Map<String, String> row, Map<String, String> next)
      throws SQLException {
    StringBuilder sql = new StringBuilder("UPDATE " + table + " SET ");
    sql.append(String.join(", ", sealed.stream().map(c -> c.column() + " = ?").toList()));
    sql.append(" WHERE ").append(keyMatch());
    for (SealedColumns.Column c : sealed) {
      sql.append(" AND ").append(c.column()).append(" IS NOT DISTINCT FROM ?");
    }
    if (versioned) {
      sql.append(" AND version = ?");
    }
    try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
      int i = 1;
      for (SealedColumns.Column c : sealed) {
        update.setString(i++, next.get(c.column()));
      }
      for (String k : key) {
        update.setString(i++, row.get(k));
      }
      for (SealedColumns.Column c : sealed) {
        update.setString(i++, row.get(c.column()));
      }
      if (versioned) {
        update.setLong(i, Long.parseLong(row.get("version")));
      }
      return update.executeUpdate() == 1;
    }
  }

  private Optional<Map<String, String>> reread(Connection connection, Map<String, String> row)
      throws SQLException {
    String sql =
        "SELECT " + String.join(", ", selected) + " FROM " + table + " WHERE " + keyMatch();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < key.size(); i++) {
        query.setString(i + 1, row.get(key.get(i)));
      }
      return rows(query).stream().findFirst();
    }
  }

  private String keyMatch() {
    return String.join(" AND ", key.stream().map(k -> k + " = ?").toList());
  }

  private List<Map<String, String>> rows(PreparedStatement query) throws SQLException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < selected.size(); c++) {
          row.put(selected.get(c), rs.getString(c + 1));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The row by its key, never a secret (an OAuth state's key is a hash). */
  private String describe(Map<String, String> row) {
    return table + " " + String.join("/", key.stream().map(row::get).toList());
  }
}
