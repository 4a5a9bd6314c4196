package dev.integrations.persistence;

import dev.integrations.persistence.internal.StorageErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Which keys the stored secrets are sealed with ({@link #usage()}), and re-sealing every one of
 * them under the current key ({@link #rotate}) so that old keys can be dropped from the
 * configuration.
 *
 * <p>Rotation walks each table with sealed columns in primary-key order, a batch at a time, and
 * writes each row with a compare-and-set on the sealed values it read (and on {@code version} where
 * the table has one): a row that a server changed meanwhile (a refresh, a new grant) is read again
 * and re-sealed, a row that went is skipped, and nothing newer is ever overwritten. The re-sealed
 * row keeps its version, because its secrets did not change: a refresh in flight that read the row
 * before still wins its own compare-and-set. Rotation keeps no state of its own, so after a crash
 * it is simply run again; rows already under the current key are not touched. Thread-safe.
 */
public final class KeyRotation {
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
   * @param changedMeanwhile rows changed by another writer while rotating (read again, then
   *     re-sealed or found already current)
   * @param gone rows deleted while rotating (nothing to do)
   * @param failed rows whose values could not be opened (a missing key, or tampered with), left as
   *     they were
   */
  public record Report(long resealed, long changedMeanwhile, long gone, List<String> failed) {
    Report add(Report other) {
      List<String> all = new ArrayList<>(failed);
      all.addAll(other.failed);
      return new Report(
          resealed + other.resealed,
          changedMeanwhile + other.changedMeanwhile,
          gone + other.gone,
          all);
    }
  }

  private final DataSource dataSource;
  private final AesGcmTokenCipher cipher;
  private final EncryptionKeys keys;
  private final Consumer<Map<String, String>> beforeWrite;

  KeyRotation(DataSource dataSource, AesGcmTokenCipher cipher) {
    this(dataSource, cipher, row -> {});
  }

  /**
   * With {@code beforeWrite} called between reading a row and writing it back: a test's seam for
   * races.
   */
  KeyRotation(
      DataSource dataSource, AesGcmTokenCipher cipher, Consumer<Map<String, String>> beforeWrite) {
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
    return StorageErrors.jdbc(
        "count sealed values",
        () -> {
          List<Usage> usage = new ArrayList<>();
          try (Connection connection = dataSource.getConnection()) {
            for (SealedColumns.Column column : SealedColumns.ALL) {
              String head = "SUBSTRING(" + column.column() + " FROM 1 FOR 12)";
              String sql =
                  "SELECT "
                      + head
                      + ", COUNT(*) FROM "
                      + column.table()
                      + " WHERE "
                      + column.column()
                      + " IS NOT NULL GROUP BY "
                      + head
                      + " ORDER BY 1";
              Map<String, Long> byKey = new LinkedHashMap<>();
              try (PreparedStatement query = connection.prepareStatement(sql);
                  ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                  byKey.merge(
                      SealedColumns.keyIdOf(rs.getString(1) + ":"), rs.getLong(2), Long::sum);
                }
              }
              byKey.forEach(
                  (id, n) ->
                      usage.add(new Usage(column.table(), column.column(), id, stateOf(id), n)));
            }
          }
          return usage;
        });
  }

  /**
   * Re-seals every value not under the current key, {@code batchSize} rows at a time, calling
   * {@code progress} after each batch with the totals so far.
   */
  public Report rotate(int batchSize, Consumer<Report> progress) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("The batch size must be at least 1.");
    }
    Report total = new Report(0, 0, 0, List.of());
    for (String table :
        SealedColumns.ALL.stream().map(SealedColumns.Column::table).distinct().toList()) {
      total =
          new TableRotation(dataSource, cipher, beforeWrite, table, batchSize).run(total, progress);
    }
    return total;
  }

  private KeyState stateOf(String keyId) {
    if (keyId.equals(keys.currentKeyId())) {
      return KeyState.CURRENT;
    }
    return keys.keyIds().contains(keyId) ? KeyState.OLD : KeyState.MISSING;
  }
}
