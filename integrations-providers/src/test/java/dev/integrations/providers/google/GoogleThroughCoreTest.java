package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.REDIRECT_URI;
import static dev.integrations.providers.google.GoogleTestSupport.googleError;
import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryTokenStore;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.core.service.DisconnectResult;
import dev.integrations.core.service.Integrations;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Google adapters under the core's use cases, as an application wires them. */
class GoogleThroughCoreTest {
  private static final UserId ANN = UserId.of("ann");
  private static final MailMessage MAIL =
      MailMessage.text(List.of("bob@example.com"), "Hi", "Hello");

  private final MockWebServer server = new MockWebServer();
  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private final InMemoryConnectionStore connectionStore = new InMemoryConnectionStore();
  private Integrations integrations;

  @BeforeEach
  void start() throws IOException {
    server.start();
    GoogleProviders google = GoogleTestSupport.against(server).build();
    integrations =
        Integrations.builder()
            .tokenStore(tokens)
            .connectionStore(connectionStore)
            .stateStore(new InMemoryOAuthStateStore())
            .provider(google.gmail(), google.drive())
            .redirectUri(REDIRECT_URI)
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void storeCredentials(Credentials credentials) {
    tokens.put(ANN, IntegrationType.GMAIL, credentials);
    connectionStore.save(Connection.connected(ANN, IntegrationType.GMAIL, Instant.now(), null));
  }

  @Test
  void a_consent_without_gmail_send_is_stored_but_reported_with_the_missing_scope() {
    ConnectResult.AuthorizationPending pending =
        (ConnectResult.AuthorizationPending)
            integrations.connections().connect(ConnectCommand.oauth(ANN, IntegrationType.GMAIL));
    String state = HttpUrl.get(pending.authorizationUrl()).queryParameter("state");
    server.enqueue(
        json(
            200,
            """
        {"access_token": "ya29.a", "expires_in": 3599, "refresh_token": "1//r", "token_type": "Bearer",
         "scope": "https://www.googleapis.com/auth/gmail.readonly"}
        """));

    MissingScopesException e =
        catchThrowableOfType(
            MissingScopesException.class,
            () ->
                integrations
                    .connections()
                    .completeAuthorization(new AuthorizationCallback(state, "code", null, ANN)));

    assertThat(e).as("the completion throws").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_SCOPES);
    assertThat(e.missingScopes()).containsExactly(GoogleCatalog.GMAIL_SEND);
    assertThat(connectionStore.find(ANN, IntegrationType.GMAIL).orElseThrow().lastError())
        .isEqualTo(ErrorCode.MISSING_SCOPES);
    TestResult test = integrations.connections().test(ANN, IntegrationType.GMAIL);
    assertThat(test.success()).isFalse();
    assertThat(test.code()).isEqualTo(ErrorCode.MISSING_SCOPES);
    assertThat(test.message()).contains(GoogleCatalog.GMAIL_SEND);
  }

  @Test
  void a_401_refreshes_once_and_retries_once() throws InterruptedException {
    storeCredentials(GoogleTestSupport.credentials());
    server.enqueue(googleError(401, "UNAUTHENTICATED", "authError", "Invalid Credentials"));
    server.enqueue(json(200, "{\"access_token\": \"ya29.fresh\", \"expires_in\": 3599}"));
    server.enqueue(json(200, "{\"id\": \"m1\", \"threadId\": \"t1\"}"));

    SentMail sent = integrations.actions().sendMail(ANN, IntegrationType.GMAIL, MAIL);

    assertThat(sent).isEqualTo(new SentMail("m1", "t1"));
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer access-token-1");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/token");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ya29.fresh");
    Credentials stored = tokens.find(ANN, IntegrationType.GMAIL).orElseThrow().credentials();
    assertThat(stored.accessToken()).isEqualTo(Secret.of("ya29.fresh"));
    assertThat(stored.refreshToken()).isEqualTo(Secret.of("refresh-token-1"));
  }

  @Test
  void a_401_after_the_refresh_is_final_not_a_loop() {
    storeCredentials(GoogleTestSupport.credentials());
    server.enqueue(googleError(401, "UNAUTHENTICATED", "authError", "Invalid Credentials"));
    server.enqueue(json(200, "{\"access_token\": \"ya29.fresh\", \"expires_in\": 3599}"));
    server.enqueue(googleError(401, "UNAUTHENTICATED", "authError", "Invalid Credentials"));
    server.enqueue(json(200, "{\"id\": \"never\", \"threadId\": \"never\"}"));

    CredentialsRejectedException e =
        catchThrowableOfType(
            CredentialsRejectedException.class,
            () -> integrations.actions().sendMail(ANN, IntegrationType.GMAIL, MAIL));

    assertThat(e).as("the send throws").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void invalid_grant_marks_the_connection_for_reauthorization_and_keeps_it() {
    storeCredentials(
        new Credentials(
            Secret.of("old"),
            Secret.of("revoked"),
            Instant.now().minusSeconds(5),
            Set.of(GoogleCatalog.GMAIL_SEND, GoogleCatalog.GMAIL_READONLY)));
    server.enqueue(
        json(
            400,
            "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}"));

    ReauthorizationRequiredException e =
        catchThrowableOfType(
            ReauthorizationRequiredException.class,
            () -> integrations.actions().sendMail(ANN, IntegrationType.GMAIL, MAIL));

    assertThat(e).as("the send throws").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);
    assertThat(server.getRequestCount()).as("the token endpoint only; no send").isEqualTo(1);
    Connection connection = connectionStore.find(ANN, IntegrationType.GMAIL).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(connection.lastError()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);
    assertThat(tokens.find(ANN, IntegrationType.GMAIL)).isPresent();
  }

  @Test
  void a_failed_revocation_does_not_stop_the_disconnect() {
    storeCredentials(GoogleTestSupport.credentials());
    server.enqueue(googleError(503, "UNAVAILABLE", "backendError", "down"));
    for (int i = 0; i < 4; i++) {
      server.enqueue(googleError(503, "UNAVAILABLE", "backendError", "down"));
    }

    DisconnectResult result = integrations.connections().disconnect(ANN, IntegrationType.GMAIL);

    assertThat(result.revocation().revoked()).isFalse();
    assertThat(tokens.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThat(connectionStore.find(ANN, IntegrationType.GMAIL)).isEmpty();
  }
}
