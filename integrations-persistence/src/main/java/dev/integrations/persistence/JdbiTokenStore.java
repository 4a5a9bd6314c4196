package dev.integrations.persistence;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenCipher;
import dev.integrations.core.port.TokenStore;
import dev.integrations.persistence.internal.CredentialsDao;
import dev.integrations.persistence.internal.CredentialsRow;
import dev.integrations.persistence.internal.SealedCredentials;
import dev.integrations.persistence.internal.StorageErrors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link TokenStore} in the {@code credentials} table. Tokens are sealed with the {@link
 * TokenCipher} and bound to their row and column; the version column gives compare-and-set across
 * processes. A new row starts at a random version and every write adds one, so a row deleted and
 * inserted again does not repeat the versions of its earlier life. Thread-safe.
 */
final class JdbiTokenStore implements TokenStore {
  private static final CredentialsRow.Mapper ROWS = new CredentialsRow.Mapper();

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final CredentialsDao dao;
  private final TokenCipher cipher;

  JdbiTokenStore(Jdbi jdbi, DataSource dataSource, TokenCipher cipher) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.dao = jdbi.onDemand(CredentialsDao.class);
    this.cipher = cipher;
  }

  /**
   * One prepared statement on a pooled connection, in plain JDBC: the read behind every {@code
   * credentialsFor}. JDBI's on-demand SqlObject machinery cost more than the query and the
   * decryption together (docs/performance.md, P3).
   */
  @Override
  public Optional<StoredCredentials> find(UserId user, IntegrationType type) {
    Optional<CredentialsRow> row =
        StorageErrors.jdbc(
            "read credentials",
            () -> {
              try (java.sql.Connection connection = dataSource.getConnection();
                  PreparedStatement query = connection.prepareStatement(CredentialsDao.FIND)) {
                query.setString(1, user.value());
                query.setString(2, type.value());
                try (ResultSet rs = query.executeQuery()) {
                  return rs.next()
                      ? Optional.of(ROWS.map(rs, null))
                      : Optional.<CredentialsRow>empty();
                }
              }
            });
    return row.map(r -> new StoredCredentials(open(user, type, r.sealed()), r.version()));
  }

  @Override
  public StoredCredentials put(UserId user, IntegrationType type, Credentials credentials) {
    SealedCredentials sealed = seal(user, type, credentials);
    long version =
        StorageErrors.upsert(
            "save credentials",
            () ->
                jdbi.inTransaction(
                    handle -> {
                      CredentialsDao tx = handle.attach(CredentialsDao.class);
                      if (tx.replace(user.value(), type.value(), sealed) == 1) {
                        return tx.version(user.value(), type.value());
                      }
                      long first = StoredCredentials.firstVersion();
                      tx.insert(user.value(), type.value(), first, sealed);
                      return first;
                    }));
    return new StoredCredentials(credentials, version);
  }

  @Override
  public boolean compareAndSet(
      UserId user, IntegrationType type, long expectedVersion, Credentials next) {
    SealedCredentials sealed = seal(user, type, next);
    return StorageErrors.call(
        "save credentials",
        () -> dao.replaceIfVersion(user.value(), type.value(), expectedVersion, sealed) == 1);
  }

  @Override
  public boolean delete(UserId user, IntegrationType type) {
    return StorageErrors.call(
        "delete credentials", () -> dao.delete(user.value(), type.value()) == 1);
  }

  private SealedCredentials seal(UserId user, IntegrationType type, Credentials credentials) {
    Secret refresh = credentials.refreshToken();
    return new SealedCredentials(
        cipher.seal(credentials.accessToken(), placeOf("access_token", user, type)),
        refresh == null ? null : cipher.seal(refresh, placeOf("refresh_token", user, type)),
        credentials.expiresAt(),
        joinScopes(credentials.scopes()));
  }

  private Credentials open(UserId user, IntegrationType type, SealedCredentials sealed) {
    return new Credentials(
        cipher.open(sealed.accessToken(), placeOf("access_token", user, type)),
        sealed.refreshToken() == null
            ? null
            : cipher.open(sealed.refreshToken(), placeOf("refresh_token", user, type)),
        sealed.expiresAt(),
        splitScopes(sealed.scopes()));
  }

  /**
   * The associated data of a sealed token: table, column, user and integration, NUL-separated (a
   * user id has no control characters and a type is [a-z0-9_], so the encoding is unambiguous).
   */
  static String placeOf(String column, UserId user, IntegrationType type) {
    return "credentials." + column + '\u0000' + user.value() + '\u0000' + type.value();
  }

  private static String joinScopes(Set<String> scopes) {
    for (String scope : scopes) {
      if (scope.isEmpty() || scope.chars().anyMatch(c -> c == ' ')) {
        // RFC 6749 section 3.3: a scope token is non-empty and has no space.
        throw new IllegalArgumentException(
            "A scope must be non-empty and must not contain spaces.");
      }
    }
    return scopes.stream().sorted().collect(Collectors.joining(" "));
  }

  private static Set<String> splitScopes(String scopes) {
    return scopes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" ")));
  }
}
