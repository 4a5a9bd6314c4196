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
 * Which keys the stored secrets are sealed with ({@link #usage()}), and re-sealing every one of them
 * under the current key ({@link #rotate}) so that old keys can be dropped from the configuration.
 *
 * <p>Rotation walks each table with sealed columns in primary-key order, a batch at a time, and writes
 * each row with a compare-and-set on the sealed values it read (and on {@code version} where the table
 * has one): a row that a server changed meanwhile (a refresh, a new grant) is read again and re-sealed,
 * a row that went is skipped, and nothing newer is ever overwritten. The re-sealed row keeps its
 * version, because its secrets did not change: a refresh in flight that read the row before still wins
 * its own compare-and-set. Rotation keeps no state of its own, so after a crash it is simply run again;
 * rows already under the current key are not touched. Thread-safe.
 */
public final class KeyRotation {
  private static final int ATTEMPTS_PER_ROW = 5;

  /** The state of a key id that sealed values carry. */
  public enum KeyState {
    /** The key new values are sealed with. */
    CURRENT,
    /** A configured old key: values open, and rotation re-seals them. */
    OLD,
    /** Not configured: these values cannot be opened. */
    MISSING
  }

  /**
   * How many values of one sealed column carry one key id.
   *
   * @param table the table
   * @param column the sealed column
   * @param keyId the key id ({@code ?} for a value in no known format)
   * @param state whether that key is current, a configured old key, or missing
   * @param values how many values
   */
  public record Usage(String table, String column, String keyId, KeyState state, long values) {}

  /**
   * What a rotation did so far.
   *
   * @param resealed rows re-sealed under the current key
   * @param changedMeanwhile rows changed by another writer while rotating (read again, then re-sealed or
   *     found already current)
   * @param gone rows deleted while rotating (nothing to do)
   * @param failed rows whose values could not be opened (a missing key, or tampered with), left as they were
   */
  public record Report(long resealed, long changedMeanwhile, long gone, List<String> failed) {
    Report add(Report other) {
      List<String> all = new ArrayList<>(failed);
      all.addAll(other.failed);
      return new Report(resealed + other.resealed, changedMeanwhile + other.changedMeanwhile,
          gone + other.gone, all);
    }
  }

  private final DataSource dataSource;
  private final AesGcmTokenCipher cipher;
  private final EncryptionKeys keys;
  private final Consumer<Map<String, String>> beforeWrite;

  KeyRotation(DataSource dataSource, AesGcmTokenCipher cipher) {
    this(dataSource, cipher, row -> {});
  }

  /** With {@code beforeWrite} called between reading a row and writing it back: a test's seam for races. */
  KeyRotation(DataSource dataSource, AesGcmTokenCipher cipher, Consumer<Map<String, String>> beforeWrite) {
    this.dataSource = dataSource;
    this.cipher = cipher;
    this.keys = cipher.keys();
    this.beforeWrite = beforeWrite;
  }

  /** The id of the key values are sealed with now. */
  public String currentKeyId() {
    return keys.currentKeyId();
  }

  /** Per sealed column and key id, how many values carry it; columns with no value are left out. */
  public List<Usage> usage() {
    return StorageErrors.jdbc("count sealed values", () -> {
      List<Usage> usage = new ArrayList<>();
      try (Connection connection = dataSource.getConnection()) {
        for (SealedColumns.Column column : SealedColumns.ALL) {
          String head = "SUBSTRING(" + column.column() + " FROM 1 FOR 12)";
          String sql = "SELECT " + head + ", COUNT(*) FROM " + column.table() + " WHERE " + column.column()
              + " IS NOT NULL GROUP BY " + head + " ORDER BY 1";
          Map<String, Long> byKey = new LinkedHashMap<>();
          try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
              byKey.merge(SealedColumns.keyIdOf(rs.getString(1) + ":"), rs.getLong(2), Long::sum);
            }
          }
          byKey.forEach((id, n) -> usage.add(new Usage(column.table(), column.column(), id, stateOf(id), n)));
        }
      }
      return usage;
    });
  }

  /**
   * Re-seals every value not under the current key, {@code batchSize} rows at a time, calling {@code
   * progress} after each batch with the totals so far.
   */
  public Report rotate(int batchSize, Consumer<Report> progress) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("The batch size must be at least 1.");
    }
    Report total = new Report(0, 0, 0, List.of());
    for (String table : SealedColumns.ALL.stream().map(SealedColumns.Column::table).distinct().toList()) {
      total = new TableRotation(table, batchSize).run(total, progress);
    }
    return total;
  }

  private KeyState stateOf(String keyId) {
    if (keyId.equals(keys.currentKeyId())) {
      return KeyState.CURRENT;
    }
    return keys.keyIds().contains(keyId) ? KeyState.OLD : KeyState.MISSING;
  }

  /** One table's walk. */
  private final class TableRotation {
    private final String table;
    private final int batchSize;
    private final List<SealedColumns.Column> sealed;
    private final List<String> key;
    private final List<String> selected = new ArrayList<>();
    private boolean versioned;

    TableRotation(String table, int batchSize) {
      this.table = table;
      this.batchSize = batchSize;
      this.sealed = SealedColumns.of(table);
      this.key = sealed.get(0).key();
    }

    Report run(Report total, Consumer<Report> progress) {
      return StorageErrors.jdbc("rotate the encryption key of " + table, () -> {
        Report sum = total;
        try (Connection connection = dataSource.getConnection()) {
          connection.setAutoCommit(true);
          List<String> columns = Tables.columns(connection, table).stream().map(Tables.Column::name).toList();
          versioned = columns.contains("version");
          selected.addAll(columns.stream().filter(c -> !c.equals("created_at") && !c.equals("updated_at")).toList());
          List<String> after = null;
          while (true) {
            List<Map<String, String>> batch = nextBatch(connection, after);
            if (batch.isEmpty()) {
              return sum;
            }
            Report done = new Report(0, 0, 0, List.of());
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
    private List<Map<String, String>> nextBatch(Connection connection, List<String> after) throws SQLException {
      String notCurrent = String.join(" OR ", sealed.stream()
          .map(c -> "(" + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE ?)").toList());
      String keyList = String.join(", ", key);
      String where = "(" + notCurrent + ")";
      if (after != null) {
        where += " AND (" + keyList + ") > (" + String.join(", ", key.stream().map(k -> "?").toList()) + ")";
      }
      String sql = "SELECT " + String.join(", ", selected) + " FROM " + table + " WHERE " + where
          + " ORDER BY " + keyList + " FETCH FIRST " + batchSize + " ROWS ONLY";
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

    private Report reseal(Connection connection, Map<String, String> first) throws SQLException {
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
          return new Report(0, 0, 0, List.of(describe(row) + ": " + cannotOpen.getMessage()));
        }
        if (!next.equals(row)) {
          beforeWrite.accept(row);
        }
        if (next.equals(row) || compareAndSet(connection, row, next)) {
          long changed = attempt > 1 ? 1 : 0;
          return new Report(next.equals(row) ? 0 : 1, changed, 0, List.of());
        }
        Optional<Map<String, String>> again = reread(connection, row);
        if (again.isEmpty()) {
          return new Report(0, 1, 1, List.of());
        }
        row = again.get();
      }
      return new Report(0, 1, 0, List.of(describe(row) + ": changed on every attempt; run the rotation again"));
    }

    private boolean compareAndSet(Connection connection, Map<String, String> row, Map<String, String> next)
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

    private Optional<Map<String, String>> reread(Connection connection, Map<String, String> row) throws SQLException {
      String sql = "SELECT " + String.join(", ", selected) + " FROM " + table + " WHERE " + keyMatch();
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
}
