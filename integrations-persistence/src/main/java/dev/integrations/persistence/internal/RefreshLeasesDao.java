package dev.integrations.persistence.internal;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Statements on the {@code refresh_leases} table, timed by the database's clock. */
public interface RefreshLeasesDao {
  /** Selects one connection's lease. */
  String ROW = " WHERE user_id = :user AND integration_type = :type";

  /** The database's now plus {@code :ttlMillis}, on H2 and PostgreSQL alike. */
  String EXPIRY = "CURRENT_TIMESTAMP + CAST(:ttlMillis AS BIGINT) * INTERVAL '0.001' SECOND";

  /** Takes a free lease; fails with a unique violation when the connection has a lease row. */
  @SqlUpdate(
      "INSERT INTO refresh_leases (user_id, integration_type, holder, expires_at)"
          + " VALUES (:user, :type, :holder, "
          + EXPIRY
          + ")")
  void insert(
      @Bind("user") String user,
      @Bind("type") String type,
      @Bind("holder") String holder,
      @Bind("ttlMillis") long ttlMillis);

  /** Takes over a lease that ran out; returns the rows changed (0 or 1). */
  @SqlUpdate(
      "UPDATE refresh_leases SET holder = :holder, expires_at = "
          + EXPIRY
          + ROW
          + " AND expires_at <= CURRENT_TIMESTAMP")
  int takeOver(
      @Bind("user") String user,
      @Bind("type") String type,
      @Bind("holder") String holder,
      @Bind("ttlMillis") long ttlMillis);

  /** Deletes the lease if {@code holder} still holds it; returns the rows deleted (0 or 1). */
  @SqlUpdate("DELETE FROM refresh_leases" + ROW + " AND holder = :holder")
  int release(@Bind("user") String user, @Bind("type") String type, @Bind("holder") String holder);
}
