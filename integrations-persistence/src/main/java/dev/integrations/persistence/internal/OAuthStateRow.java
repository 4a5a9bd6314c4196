package dev.integrations.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * An {@code oauth_states} row: the state only as its hash, the verifier sealed.
 *
 * @param stateHash SHA-256 of the state, lowercase hex
 * @param userId the user who started the flow
 * @param integrationType the integration being connected
 * @param codeVerifier the sealed PKCE verifier
 * @param redirectUri the exact redirect URI
 * @param expiresAt when the request stops being accepted
 * @param completion how the person completing proves it: {@code browser}, {@code api} or {@code
 *     caller}
 * @param bindingHash SHA-256 of the browser binding (browser completion only)
 * @param parkedCode the sealed authorization code of a parked API completion, or null
 */
public record OAuthStateRow(
    String stateHash,
    String userId,
    String integrationType,
    String codeVerifier,
    String redirectUri,
    Instant expiresAt,
    String completion,
    String bindingHash,
    String parkedCode) {

  /** Maps the columns of {@code oauth_states} but {@code created_at}. */
  public static final class Mapper implements RowMapper<OAuthStateRow> {
    @Override
    public OAuthStateRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new OAuthStateRow(
          rs.getString("state_hash"),
          rs.getString("user_id"),
          rs.getString("integration_type"),
          rs.getString("code_verifier"),
          rs.getString("redirect_uri"),
          TimeColumns.read(rs, "expires_at"),
          rs.getString("completion"),
          rs.getString("binding_hash"),
          rs.getString("parked_code"));
    }
  }
}
