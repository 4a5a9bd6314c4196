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

  /** Maps every column of {@code connections}. */
  public static final class Mapper implements RowMapper<ConnectionRow> {
    @Override
    public ConnectionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ConnectionRow(
          rs.getString("user_id"),
          rs.getString("integration_type"),
          rs.getString("status"),
          TimeColumns.read(rs, "connected_at"),
          TimeColumns.read(rs, "last_sync"),
          rs.getString("last_error"),
          rs.getString("last_error_message"),
          rs.getString("account_id"),
          rs.getString("account_name"));
    }
  }
}
