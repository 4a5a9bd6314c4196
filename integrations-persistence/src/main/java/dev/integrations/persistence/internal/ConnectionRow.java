package dev.integrations.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A {@code connections} row: the status and the error code as their wire names, the account as two
 * nullable columns.
 */
public record ConnectionRow(
    String userId,
    String integrationType,
    String status,
    Instant connectedAt,
    Instant lastSync,
    String lastError,
    String lastErrorMessage,
    String accountId,
    String accountName) {

  /**
   * The row whose columns, in {@link ConnectionsDao#COLUMNS}'s order, start at column {@code first}
   * (read by position: a lookup by label cost more than the read in the list's profile).
   */
  public static ConnectionRow read(ResultSet rs, int first) throws SQLException {
    return new ConnectionRow(
        rs.getString(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        TimeColumns.read(rs, first + 3),
        TimeColumns.read(rs, first + 4),
        rs.getString(first + 5),
        rs.getString(first + 6),
        rs.getString(first + 7),
        rs.getString(first + 8));
  }

  /** Maps a row of the {@link ConnectionsDao#COLUMNS} (each query selects them first). */
  public static final class Mapper implements RowMapper<ConnectionRow> {
    @Override
    public ConnectionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return read(rs, 1);
    }
  }
}
