package dev.integrations.persistence.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Statements on the {@code oauth_states} table. */
public interface OAuthStatesDao {

  @SqlUpdate(
      "INSERT INTO oauth_states"
          + " (state_hash, user_id, integration_type, code_verifier, redirect_uri, expires_at, completion,"
          + " binding_hash, parked_code, created_at)"
          + " VALUES (:s.stateHash, :s.userId, :s.integrationType, :s.codeVerifier, :s.redirectUri,"
          + " :s.expiresAt, :s.completion, :s.bindingHash, :s.parkedCode, CURRENT_TIMESTAMP)")
  /** Inserts a pending request. */
  void insert(@BindMethods("s") OAuthStateRow s);

  @SqlQuery(
      "SELECT state_hash, user_id, integration_type, code_verifier, redirect_uri, expires_at, completion,"
          + " binding_hash, parked_code"
          + " FROM oauth_states WHERE state_hash = :hash")
  @RegisterRowMapper(OAuthStateRow.Mapper.class)
  /** The pending request with this state hash. */
  Optional<OAuthStateRow> find(@Bind("hash") String stateHash);

  /** Deletes the row; of concurrent callers, only one sees 1. */
  @SqlUpdate("DELETE FROM oauth_states WHERE state_hash = :hash")
  int delete(@Bind("hash") String stateHash);

  @SqlUpdate("DELETE FROM oauth_states WHERE expires_at <= :now")
  /** Deletes the requests expired before {@code now}; how many went. */
  int deleteExpiredAt(@Bind("now") Instant now);

  /** Deletes all but the {@code keep} latest-expiring requests of one user for one integration. */
  @SqlUpdate(
      "DELETE FROM oauth_states WHERE user_id = :user AND integration_type = :type"
          + " AND state_hash NOT IN (SELECT state_hash FROM oauth_states WHERE user_id = :user"
          + " AND integration_type = :type ORDER BY expires_at DESC, state_hash LIMIT :keep)")
  int keepNewest(@Bind("user") String user, @Bind("type") String type, @Bind("keep") int keep);
}
