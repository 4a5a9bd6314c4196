package dev.integrations.persistence;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every column that holds a value sealed with the {@link dev.integrations.core.port.TokenCipher},
 * with how to compute the associated data a value was bound to from the other columns of its row.
 * Key rotation, database copies and archives re-seal through this list, so a migration that adds a
 * sealed column adds it here too (SealedColumnsTest fails otherwise).
 */
final class SealedColumns {
  /**
   * One sealed column.
   *
   * @param table the table
   * @param column the column holding {@code v1:<key id>:<data>}, or null
   * @param key the columns that identify a row (its primary key)
   * @param place the associated data of the value, from the row's columns (lower-case names)
   */
  record Column(
      String table, String column, List<String> key, Function<Map<String, String>, String> place) {
    /** {@code table.column}. */
    String name() {
      return table + "." + column;
    }
  }

  static final List<Column> ALL =
      List.of(
          new Column(
              "credentials",
              "access_token",
              List.of("user_id", "integration_type"),
              row -> JdbiTokenStore.placeOf("access_token", user(row), type(row))),
          new Column(
              "credentials",
              "refresh_token",
              List.of("user_id", "integration_type"),
              row -> JdbiTokenStore.placeOf("refresh_token", user(row), type(row))),
          new Column(
              "oauth_states",
              "code_verifier",
              List.of("state_hash"),
              row -> JdbiOAuthStateStore.placeOf(row.get("state_hash"), user(row), type(row))),
          new Column(
              "oauth_states",
              "parked_code",
              List.of("state_hash"),
              row ->
                  JdbiOAuthStateStore.parkedCodePlaceOf(
                      row.get("state_hash"), user(row), type(row))));

  private SealedColumns() {}

  /** The sealed column {@code column} of {@code table}, if it is one (names in any case). */
  static Optional<Column> find(String table, String column) {
    return ALL.stream()
        .filter(c -> c.table().equalsIgnoreCase(table) && c.column().equalsIgnoreCase(column))
        .findFirst();
  }

  /** The sealed columns of {@code table}. */
  static List<Column> of(String table) {
    return ALL.stream().filter(c -> c.table().equalsIgnoreCase(table)).toList();
  }

  /** The key id of a sealed value ({@code v1:<key id>:...}), or {@code "?"} when it has none. */
  static String keyIdOf(String sealed) {
    String[] parts = sealed.split(":", 3);
    return parts.length == 3 ? parts[1] : "?";
  }

  private static UserId user(Map<String, String> row) {
    return UserId.of(row.get("user_id"));
  }

  private static IntegrationType type(Map<String, String> row) {
    return IntegrationType.of(row.get("integration_type"));
  }
}
