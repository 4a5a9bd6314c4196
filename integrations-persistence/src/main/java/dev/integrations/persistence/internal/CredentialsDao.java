package dev.integrations.persistence.internal;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Statements on the {@code credentials} table. Tokens arrive and leave sealed. */
public interface CredentialsDao {
  /** Selects one connection's row. */
  String ROW = " WHERE user_id = :user AND integration_type = :type";

  /**
   * One connection's sealed credentials, with positional parameters (user, type), for plain JDBC.
   */
  String FIND =
      "SELECT access_token, refresh_token, expires_at, scopes, version FROM credentials"
          + " WHERE user_id = ? AND integration_type = ?";

  /** Assigns every sealed column. */
  String SET_VALUES =
      "access_token = :c.accessToken, refresh_token = :c.refreshToken, expires_at = :c.expiresAt,"
          + " scopes = :c.scopes, version = version + 1, updated_at = CURRENT_TIMESTAMP";

  @SqlQuery("SELECT version FROM credentials" + ROW)
  /** The current version of one connection's credentials. */
  long version(@Bind("user") String user, @Bind("type") String type);

  @SqlUpdate(
      "INSERT INTO credentials"
          + " (user_id, integration_type, access_token, refresh_token, expires_at, scopes, version, updated_at)"
          + " VALUES (:user, :type, :c.accessToken, :c.refreshToken, :c.expiresAt, :c.scopes, :version,"
          + " CURRENT_TIMESTAMP)")
  /** Inserts sealed credentials at {@code version} (a new row's random first version). */
  void insert(
      @Bind("user") String user,
      @Bind("type") String type,
      @Bind("version") long version,
      @BindMethods("c") SealedCredentials c);

  /** Replaces the row's values and moves its version forward; returns the rows changed (0 or 1). */
  @SqlUpdate("UPDATE credentials SET " + SET_VALUES + ROW)
  int replace(
      @Bind("user") String user, @Bind("type") String type, @BindMethods("c") SealedCredentials c);

  /** Like {@link #replace}, only while the version is still {@code expected}. */
  @SqlUpdate("UPDATE credentials SET " + SET_VALUES + ROW + " AND version = :expected")
  int replaceIfVersion(
      @Bind("user") String user,
      @Bind("type") String type,
      @Bind("expected") long expected,
      @BindMethods("c") SealedCredentials c);

  @SqlUpdate("DELETE FROM credentials" + ROW)
  /** Deletes the credentials; how many rows went. */
  int delete(@Bind("user") String user, @Bind("type") String type);
}
