package dev.integrations.persistence;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.OAuthStateStore;
import dev.integrations.core.port.TokenCipher;
import dev.integrations.persistence.internal.OAuthStateRow;
import dev.integrations.persistence.internal.OAuthStatesDao;
import dev.integrations.persistence.internal.StorageErrors;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * An {@link OAuthStateStore} in the {@code oauth_states} table. The state (or completion handle) is
 * kept only as its SHA-256, and so is the browser binding, so the table alone cannot complete
 * anyone's flow; the PKCE verifier and a parked authorization code are sealed. Consuming is a
 * {@code DELETE} whose row count elects the single winner among any number of processes.
 * Thread-safe.
 */
final class JdbiOAuthStateStore implements OAuthStateStore {
  private final OAuthStatesDao dao;
  private final TokenCipher cipher;

  JdbiOAuthStateStore(Jdbi jdbi, TokenCipher cipher) {
    this.dao = jdbi.onDemand(OAuthStatesDao.class);
    this.cipher = cipher;
  }

  @Override
  public void save(AuthorizationRequest request) {
    String hash = hash(request.state());
    OAuthStateRow row =
        new OAuthStateRow(
            hash,
            request.user().value(),
            request.type().value(),
            cipher.seal(request.codeVerifier(), placeOf(hash, request.user(), request.type())),
            request.redirectUri().toString(),
            request.expiresAt(),
            request.completion().wireName(),
            request.bindingHash(),
            request.isParked()
                ? cipher.seal(
                    request.parkedCode(), parkedCodePlaceOf(hash, request.user(), request.type()))
                : null);
    StorageErrors.call(
        "save an OAuth state",
        () -> {
          dao.insert(row);
          return row;
        });
  }

  @Override
  public Optional<AuthorizationRequest> consume(Secret state) {
    String hash = hash(state);
    Optional<OAuthStateRow> taken =
        StorageErrors.call(
            "consume an OAuth state",
            () -> {
              Optional<OAuthStateRow> row = dao.find(hash);
              return row.isPresent() && dao.delete(hash) == 1
                  ? row
                  : Optional.<OAuthStateRow>empty();
            });
    return taken.map(row -> toRequest(state, row));
  }

  @Override
  public int deleteExpired(Instant now) {
    return StorageErrors.call("delete expired OAuth states", () -> dao.deleteExpiredAt(now));
  }

  private AuthorizationRequest toRequest(Secret state, OAuthStateRow row) {
    UserId user = UserId.of(row.userId());
    IntegrationType type = IntegrationType.of(row.integrationType());
    return new AuthorizationRequest(
        state,
        user,
        type,
        cipher.open(row.codeVerifier(), placeOf(row.stateHash(), user, type)),
        URI.create(row.redirectUri()),
        row.expiresAt(),
        Completion.of(row.completion()),
        row.bindingHash(),
        row.parkedCode() == null
            ? null
            : cipher.open(row.parkedCode(), parkedCodePlaceOf(row.stateHash(), user, type)));
  }

  /** The associated data of a sealed verifier: its state's hash, user and integration. */
  static String placeOf(String stateHash, UserId user, IntegrationType type) {
    return "oauth_states.code_verifier"
        + '\u0000'
        + stateHash
        + '\u0000'
        + user.value()
        + '\u0000'
        + type.value();
  }

  /** The associated data of a sealed parked code: its handle's hash, user and integration. */
  static String parkedCodePlaceOf(String stateHash, UserId user, IntegrationType type) {
    return "oauth_states.parked_code"
        + '\u0000'
        + stateHash
        + '\u0000'
        + user.value()
        + '\u0000'
        + type.value();
  }

  /** SHA-256 of the state, lowercase hex: what the table is keyed by. */
  static String hash(Secret state) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(state.reveal().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public int keepNewest(UserId user, IntegrationType type, int keep) {
    return StorageErrors.call(
        "trim pending OAuth states", () -> dao.keepNewest(user.value(), type.value(), keep));
  }
}
