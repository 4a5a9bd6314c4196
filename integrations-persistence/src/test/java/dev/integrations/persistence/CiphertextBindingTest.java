package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.OAuthStateStore;
import dev.integrations.core.port.TokenStore;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sealed value copied into another row or column, at the SQL level, fails to open. */
class CiphertextBindingTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final Instant EXPIRY = Instant.parse("2026-11-21T10:15:30.123Z");

  @TempDir Path directory;
  private TestDatabase database;
  private TokenStore tokens;

  @BeforeEach
  void open() {
    database = TestDatabase.h2(directory);
    tokens = database.stores().tokenStore();
    tokens.put(ANN, IntegrationType.GMAIL, credentials("ann-gmail-access", "ann-gmail-refresh"));
    tokens.put(BOB, IntegrationType.GMAIL, credentials("bob-gmail-access", "bob-gmail-refresh"));
    tokens.put(
        ANN, IntegrationType.GOOGLE_DRIVE, credentials("ann-drive-access", "ann-drive-refresh"));
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  @Test
  void a_token_moved_to_another_users_row_fails_to_open() throws Exception {
    sql(
        "UPDATE credentials SET access_token = (SELECT access_token FROM credentials"
            + " WHERE user_id = 'ann' AND integration_type = 'gmail')"
            + " WHERE user_id = 'bob' AND integration_type = 'gmail'");

    assertThatThrownBy(() -> tokens.find(BOB, IntegrationType.GMAIL))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("moved from another row")
        .hasMessageNotContaining("ann-gmail-access");
    assertThat(
            tokens
                .find(ANN, IntegrationType.GMAIL)
                .orElseThrow()
                .credentials()
                .accessToken()
                .reveal())
        .isEqualTo("ann-gmail-access");
  }

  @Test
  void a_token_moved_to_another_integration_of_the_same_user_fails_to_open() throws Exception {
    sql(
        "UPDATE credentials SET refresh_token = (SELECT refresh_token FROM credentials"
            + " WHERE user_id = 'ann' AND integration_type = 'gmail')"
            + " WHERE user_id = 'ann' AND integration_type = 'google_drive'");

    assertThatThrownBy(() -> tokens.find(ANN, IntegrationType.GOOGLE_DRIVE))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void a_refresh_token_moved_into_the_access_token_column_fails_to_open() throws Exception {
    sql(
        "UPDATE credentials SET access_token = refresh_token WHERE user_id = 'ann' AND integration_type = 'gmail'");

    assertThatThrownBy(() -> tokens.find(ANN, IntegrationType.GMAIL))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void a_verifier_moved_to_another_state_fails_to_open() throws Exception {
    OAuthStateStore states = database.stores().stateStore();
    AuthorizationRequest first = request("state-one", "verifier-one");
    AuthorizationRequest second = request("state-two", "verifier-two");
    states.save(first);
    states.save(second);
    String secondHash = JdbiOAuthStateStore.hash(second.state());

    sql(
        "UPDATE oauth_states SET code_verifier = (SELECT code_verifier FROM oauth_states"
            + " WHERE state_hash <> '"
            + secondHash
            + "') WHERE state_hash = '"
            + secondHash
            + "'");

    assertThatThrownBy(() -> states.consume(second.state())).isInstanceOf(StorageException.class);
    assertThat(states.consume(first.state()).orElseThrow().codeVerifier().reveal())
        .isEqualTo("verifier-one");
  }

  @Test
  void a_parked_code_moved_to_another_handle_fails_to_open() throws Exception {
    OAuthStateStore states = database.stores().stateStore();
    AuthorizationRequest first = parked("handle-one", "code-one");
    AuthorizationRequest second = parked("handle-two", "code-two");
    states.save(first);
    states.save(second);
    String secondHash = JdbiOAuthStateStore.hash(second.state());

    sql(
        "UPDATE oauth_states SET parked_code = (SELECT parked_code FROM oauth_states"
            + " WHERE state_hash <> '"
            + secondHash
            + "') WHERE state_hash = '"
            + secondHash
            + "'");

    assertThatThrownBy(() -> states.consume(second.state())).isInstanceOf(StorageException.class);
    assertThat(states.consume(first.state()).orElseThrow().parkedCode().reveal())
        .isEqualTo("code-one");
  }

  private static AuthorizationRequest parked(String handle, String code) {
    return new AuthorizationRequest(
        Secret.of(handle),
        ANN,
        IntegrationType.GMAIL,
        Secret.of("verifier-" + handle),
        URI.create("http://localhost:8000/api/integrations/callback"),
        EXPIRY,
        Completion.API,
        null,
        Secret.of(code));
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = database.connect();
        Statement s = connection.createStatement()) {
      assertThat(s.executeUpdate(statement)).isEqualTo(1);
    }
  }

  private static Credentials credentials(String access, String refresh) {
    return new Credentials(Secret.of(access), Secret.of(refresh), EXPIRY, Set.of("scope"));
  }

  private static AuthorizationRequest request(String state, String verifier) {
    return new AuthorizationRequest(
        Secret.of(state),
        ANN,
        IntegrationType.GMAIL,
        Secret.of(verifier),
        URI.create("http://localhost:8000/api/integrations/callback"),
        EXPIRY);
  }
}
