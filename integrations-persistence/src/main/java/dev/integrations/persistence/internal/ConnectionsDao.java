package dev.integrations.persistence.internal;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Statements on the {@code connections} table. */
@RegisterRowMapper(ConnectionRow.Mapper.class)
public interface ConnectionsDao {
  /** The columns of a connection row, in {@link ConnectionRow} order. */
  String COLUMNS =
      "user_id, integration_type, status, connected_at, last_sync, last_error, last_error_message,"
          + " account_id, account_name";

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM connections WHERE user_id = :user AND integration_type = :type")
  /** One user's connection to one integration. */
  Optional<ConnectionRow> find(@Bind("user") String user, @Bind("type") String type);

  /**
   * Every connection of one user, the user as parameter 1: the read of every {@code GET
   * /api/integrations}, which the store runs as one prepared statement on a pooled connection. The
   * text never changes, so the driver's statement cache parses it once per connection.
   */
  String FIND_ALL = "SELECT " + COLUMNS + " FROM connections WHERE user_id = ?";

  @SqlQuery("SELECT " + COLUMNS + " FROM connections WHERE user_id = :user")
  /** Every connection of one user. */
  List<ConnectionRow> findAll(@Bind("user") String user);

  @SqlUpdate(
      "INSERT INTO connections ("
          + COLUMNS
          + ") VALUES (:c.userId, :c.integrationType, :c.status,"
          + " :c.connectedAt, :c.lastSync, :c.lastError, :c.lastErrorMessage, :c.accountId, :c.accountName)")
  /** Inserts a connection row. */
  void insert(@BindMethods("c") ConnectionRow c);

  /** Replaces the values of the row with {@code c}'s key; returns the rows changed (0 or 1). */
  @SqlUpdate(
      "UPDATE connections SET status = :c.status, connected_at = :c.connectedAt, last_sync = :c.lastSync,"
          + " last_error = :c.lastError, last_error_message = :c.lastErrorMessage,"
          + " account_id = :c.accountId, account_name = :c.accountName"
          + " WHERE user_id = :c.userId AND integration_type = :c.integrationType")
  int update(@BindMethods("c") ConnectionRow c);

  /**
   * Like {@link #update}, only while the stored row has the same {@code connected_at}, that is,
   * while it is the same connection; returns the rows changed (0 or 1).
   */
  @SqlUpdate(
      "UPDATE connections SET status = :c.status, last_sync = :c.lastSync,"
          + " last_error = :c.lastError, last_error_message = :c.lastErrorMessage,"
          + " account_id = :c.accountId, account_name = :c.accountName"
          + " WHERE user_id = :c.userId AND integration_type = :c.integrationType"
          + " AND connected_at IS NOT DISTINCT FROM :c.connectedAt")
  int updateSameConnection(@BindMethods("c") ConnectionRow c);

  @SqlUpdate("DELETE FROM connections WHERE user_id = :user AND integration_type = :type")
  /** Deletes a connection; how many rows went. */
  int delete(@Bind("user") String user, @Bind("type") String type);
}
