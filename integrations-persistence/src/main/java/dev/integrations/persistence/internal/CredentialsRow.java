package dev.integrations.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A {@code credentials} row as read, with its version.
 *
 * @param sealed the stored values
 * @param version the row's version for compare-and-set
 */
public record CredentialsRow(SealedCredentials sealed, long version) {

  /** Maps {@code access_token, refresh_token, expires_at, scopes, version}. */
  public static final class Mapper implements RowMapper<CredentialsRow> {
    @Override
    public CredentialsRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new CredentialsRow(
          new SealedCredentials(
              rs.getString("access_token"),
              rs.getString("refresh_token"),
              TimeColumns.read(rs, "expires_at"),
              rs.getString("scopes")),
          rs.getLong("version"));
    }
  }
}
