package dev.integrations.persistence.internal;

import dev.integrations.core.port.IdempotentCall;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Statements on the {@code idempotency_keys} table, timed by the database's clock. */
public interface IdempotencyDao {
  /** Selects one user's key. */
  String ROW = " WHERE user_id = :user AND idempotency_key = :key";

  /** Deletes the key's record when it was claimed longer than {@code :retentionMillis} ago. */
  @SqlUpdate(
      "DELETE FROM idempotency_keys"
          + ROW
          + " AND claimed_at < CURRENT_TIMESTAMP - CAST(:retentionMillis AS BIGINT) * INTERVAL '0.001' SECOND")
  int deleteExpired(
      @Bind("user") String user,
      @Bind("key") String key,
      @Bind("retentionMillis") long retentionMillis);

  /** Claims a free key; fails with a unique violation when the key has a record. */
  @SqlUpdate(
      "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, claimed_at)"
          + " VALUES (:user, :key, :hash, CURRENT_TIMESTAMP)")
  void insert(@Bind("user") String user, @Bind("key") String key, @Bind("hash") String hash);

  /** The key's record, if any. */
  @SqlQuery("SELECT request_hash, outcome, claimed_at FROM idempotency_keys" + ROW)
  Optional<IdempotentCall> find(@Bind("user") String user, @Bind("key") String key);

  /** Records the outcome of a claimed call. */
  @SqlUpdate("UPDATE idempotency_keys SET outcome = :outcome" + ROW)
  int complete(@Bind("user") String user, @Bind("key") String key, @Bind("outcome") String outcome);

  /** Forgets a claim. */
  @SqlUpdate("DELETE FROM idempotency_keys" + ROW)
  int delete(@Bind("user") String user, @Bind("key") String key);
}
