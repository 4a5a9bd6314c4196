package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.CLIENT_ID;
import static dev.integrations.providers.google.GoogleTestSupport.CLIENT_SECRET;
import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleRefreshAndRevokeTest {
  private final MockWebServer server = new MockWebServer();
  private OAuthProviderPort drive;

  @BeforeEach
  void start() throws IOException {
    server.start();
    drive = (OAuthProviderPort) GoogleTestSupport.against(server).build().drive();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void refresh_posts_the_refresh_token_with_client_credentials() throws InterruptedException {
    server.enqueue(
        json(
            200,
            """
        {"access_token": "ya29.new", "expires_in": 3599, "token_type": "Bearer",
         "scope": "https://www.googleapis.com/auth/drive.file"}
        """));

    TokenGrant grant = drive.refresh(GoogleTestSupport.credentials());

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/token");
    assertThat(GoogleTestSupport.form(sent))
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "refresh-token-1")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("client_secret", CLIENT_SECRET);
    assertThat(grant.accessToken().reveal()).isEqualTo("ya29.new");
    assertThat(grant.expiresIn()).isEqualTo(Duration.ofSeconds(3599));
  }

  @Test
  void a_refresh_answer_without_refresh_token_keeps_the_stored_one() {
    server.enqueue(
        json(
            200,
            """
        {"access_token": "ya29.new", "expires_in": 3599, "token_type": "Bearer"}
        """));
    Credentials stored = GoogleTestSupport.credentials();

    TokenGrant grant = drive.refresh(stored);

    assertThat(grant.refreshToken()).isNull();
    assertThat(grant.scopes()).isNull();
    Credentials next = stored.refreshedWith(grant, Instant.now());
    assertThat(next.refreshToken()).isEqualTo(Secret.of("refresh-token-1"));
    assertThat(next.accessToken()).isEqualTo(Secret.of("ya29.new"));
  }

  @Test
  void a_rotated_refresh_token_is_returned_to_be_saved() {
    server.enqueue(
        json(
            200,
            """
        {"access_token": "ya29.new", "expires_in": 3599, "refresh_token": "1//rotated", "token_type": "Bearer"}
        """));

    TokenGrant grant = drive.refresh(GoogleTestSupport.credentials());

    assertThat(grant.refreshToken()).isEqualTo(Secret.of("1//rotated"));
  }

  @Test
  void invalid_grant_is_the_cores_reauthorization_signal_and_is_not_retried() {
    server.enqueue(
        json(
            400,
            """
        {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
        """));

    assertThatThrownBy(() -> drive.refresh(GoogleTestSupport.credentials()))
        .isInstanceOf(InvalidGrantException.class)
        .hasMessageContaining("Token has been expired or revoked.")
        .hasMessageNotContaining("refresh-token-1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an_unknown_client_is_a_provider_refusal_not_a_credentials_rejection() {
    server.enqueue(
        json(
            401,
            """
        {"error": "invalid_client", "error_description": "The OAuth client was not found."}
        """));

    assertThatThrownBy(() -> drive.refresh(GoogleTestSupport.credentials()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("invalid_client")
        .hasMessageNotContaining(CLIENT_SECRET)
        .satisfies(
            e ->
                assertThat(((IntegrationException) e).code())
                    .isEqualTo(ErrorCode.PROVIDER_REJECTED));
  }

  @Test
  void refresh_without_a_stored_refresh_token_asks_for_reauthorization_without_calling_google() {
    Credentials accessOnly = new Credentials(Secret.of("a"), null, Instant.now(), Set.of());

    assertThatThrownBy(() -> drive.refresh(accessOnly))
        .isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void revoke_posts_the_refresh_token_as_a_form() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(200).build());

    RevocationResult result = drive.revoke(GoogleTestSupport.credentials());

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/revoke");
    assertThat(sent.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(GoogleTestSupport.form(sent))
        .containsExactly(java.util.Map.entry("token", "refresh-token-1"));
    assertThat(result.revoked()).isTrue();
  }

  @Test
  void revoke_falls_back_to_the_access_token_when_there_is_no_refresh_token()
      throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(200).build());

    drive.revoke(new Credentials(Secret.of("access-only"), null, null, Set.of()));

    assertThat(GoogleTestSupport.form(server.takeRequest())).containsEntry("token", "access-only");
  }

  @Test
  void a_refused_revocation_is_reported_not_thrown() {
    server.enqueue(
        json(
            400,
            """
        {"error": "invalid_token", "error_description": "Token expired or revoked"}
        """));

    RevocationResult result = drive.revoke(GoogleTestSupport.credentials());

    assertThat(result.attempted()).isTrue();
    assertThat(result.revoked()).isFalse();
    assertThat(result.message()).contains("invalid_token").doesNotContain("refresh-token-1");
  }

  @Test
  void an_unreachable_revocation_endpoint_is_reported_not_thrown() throws IOException {
    server.close();

    RevocationResult result = drive.revoke(GoogleTestSupport.credentials());

    assertThat(result.revoked()).isFalse();
    assertThat(result.message()).contains("could not be reached");
  }
}
