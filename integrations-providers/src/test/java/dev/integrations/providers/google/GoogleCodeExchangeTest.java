package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.CLIENT_ID;
import static dev.integrations.providers.google.GoogleTestSupport.CLIENT_SECRET;
import static dev.integrations.providers.google.GoogleTestSupport.REDIRECT_URI;
import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.providers.RetrySettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GoogleCodeExchangeTest {

  /** Against a real OAuth 2.0 server, which checks the PKCE verifier. */
  @Nested
  class WithOAuthServer {
    private final MockOAuth2Server oauth = new MockOAuth2Server();
    private OAuthProviderPort gmail;

    @BeforeEach
    void start() {
      oauth.start();
      gmail =
          (OAuthProviderPort)
              GoogleProviders.builder()
                  .clientId(CLIENT_ID)
                  .clientSecret(Secret.of(CLIENT_SECRET))
                  .authorizationUri(oauth.authorizationEndpointUrl("google").uri())
                  .tokenUri(oauth.tokenEndpointUrl("google").uri())
                  .retries(
                      RetrySettings.builder()
                          .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                          .maxAttempts(2)
                          .maxDuration(Duration.ofSeconds(1))
                          .build())
                  .build()
                  .gmail();
    }

    @AfterEach
    void stop() {
      oauth.shutdown();
    }

    @Test
    void exchanges_a_code_obtained_from_the_consent_url_with_the_requests_own_verifier()
        throws IOException {
      AuthorizationRequest request = GoogleTestSupport.authorizationRequest(IntegrationType.GMAIL);
      String code = followConsent(gmail.authorizationUrl(request), request);

      TokenGrant grant = gmail.exchange(request, code);

      // The access token is the one mock-oauth2-server signed for the person who consented.
      com.nimbusds.jwt.JWTClaimsSet claims;
      try {
        claims = com.nimbusds.jwt.SignedJWT.parse(grant.accessToken().reveal()).getJWTClaimsSet();
      } catch (java.text.ParseException e) {
        throw new AssertionError(
            "not a JWT: the exchange did not return the server's access token", e);
      }
      assertThat(claims.getSubject()).isEqualTo("ann");
      assertThat(claims.getIssuer()).isEqualTo(oauth.issuerUrl("google").toString());
      assertThat(grant.refreshToken()).isNotNull();
      assertThat(grant.refreshToken().reveal()).isNotEqualTo(grant.accessToken().reveal());
      // The server's expires_in is the JWT's remaining hour, which its clock may already have
      // rounded down.
      assertThat(grant.expiresIn())
          .isIn(java.time.Duration.ofSeconds(3599), java.time.Duration.ofSeconds(3600));
    }

    @Test
    void a_wrong_verifier_is_refused_as_a_failed_authorization() throws IOException {
      AuthorizationRequest request = GoogleTestSupport.authorizationRequest(IntegrationType.GMAIL);
      String code = followConsent(gmail.authorizationUrl(request), request);
      AuthorizationRequest forged =
          new AuthorizationRequest(
              request.state(),
              request.user(),
              request.type(),
              Secret.of("another-verifier-0123456789-0123456789-0123456789"),
              request.redirectUri(),
              request.expiresAt());

      assertThatThrownBy(() -> gmail.exchange(forged, code))
          .isInstanceOf(AuthorizationFailedException.class)
          .satisfies(
              e ->
                  assertThat(((AuthorizationFailedException) e).code())
                      .isEqualTo(ErrorCode.PROVIDER_REJECTED))
          .hasMessageContaining("invalid_grant")
          .hasMessageNotContaining(code)
          .hasMessageNotContaining(CLIENT_SECRET);
    }

    /**
     * What a browser does: opens the consent URL (with {@code prompt=consent} the server shows its
     * login page), submits it, and is redirected back with the code. mock-oauth2-server only speaks
     * OpenID Connect, so {@code openid} is added to Google's scopes.
     */
    private String followConsent(URI consentUrl, AuthorizationRequest request) throws IOException {
      HttpUrl url = HttpUrl.get(consentUrl);
      HttpUrl oidc =
          url.newBuilder()
              .setQueryParameter("scope", "openid " + url.queryParameter("scope"))
              .build();
      OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
      try (Response page = browser.newCall(new Request.Builder().url(oidc).build()).execute()) {
        assertThat(page.code()).isEqualTo(200);
      }
      Request submit =
          new Request.Builder()
              .url(oidc)
              .post(new FormBody.Builder().add("username", "ann").build())
              .build();
      try (Response response = browser.newCall(submit).execute()) {
        assertThat(response.code()).as(() -> bodyOf(response)).isEqualTo(302);
        HttpUrl back = HttpUrl.get(response.header("Location"));
        assertThat(back.toString()).startsWith(REDIRECT_URI.toString());
        assertThat(back.queryParameter("state")).isEqualTo(request.state().reveal());
        return back.queryParameter("code");
      }
    }
  }

  private static String bodyOf(Response response) {
    try {
      return response.body().string();
    } catch (IOException e) {
      return e.toString();
    }
  }

  /**
   * Against a scripted token endpoint, to see exactly what the client sends and how answers parse.
   */
  @Nested
  class WithScriptedTokenEndpoint {
    private final MockWebServer server = new MockWebServer();
    private OAuthProviderPort gmail;
    private AuthorizationRequest request;

    @BeforeEach
    void start() throws IOException {
      server.start();
      gmail = (OAuthProviderPort) GoogleTestSupport.against(server).build().gmail();
      request = GoogleTestSupport.authorizationRequest(IntegrationType.GMAIL);
    }

    @AfterEach
    void stop() {
      server.close();
    }

    @Test
    void sends_code_redirect_uri_verifier_and_client_credentials_in_a_form_post()
        throws InterruptedException {
      server.enqueue(
          json(
              200,
              """
          {"access_token": "ya29.a", "expires_in": 3599, "refresh_token": "1//r", "token_type": "Bearer",
           "scope": "https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.readonly"}
          """));

      gmail.exchange(request, "4/code-from-google");

      RecordedRequest sent = server.takeRequest();
      assertThat(sent.getMethod()).isEqualTo("POST");
      assertThat(sent.getUrl().encodedPath()).isEqualTo("/token");
      assertThat(sent.getHeaders().get("Content-Type"))
          .startsWith("application/x-www-form-urlencoded");
      Map<String, String> form = GoogleTestSupport.form(sent);
      assertThat(form)
          .containsEntry("grant_type", "authorization_code")
          .containsEntry("code", "4/code-from-google")
          .containsEntry("redirect_uri", REDIRECT_URI.toString())
          .containsEntry("code_verifier", request.codeVerifier().reveal())
          .containsEntry("client_id", CLIENT_ID)
          .containsEntry("client_secret", CLIENT_SECRET);
    }

    @Test
    void parses_token_lifetime_refresh_token_and_granted_scopes() {
      server.enqueue(
          json(
              200,
              """
          {"access_token": "ya29.a", "expires_in": 3599, "refresh_token": "1//r", "token_type": "Bearer",
           "scope": "https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.readonly"}
          """));

      TokenGrant grant = gmail.exchange(request, "code");

      assertThat(grant.accessToken().reveal()).isEqualTo("ya29.a");
      assertThat(grant.refreshToken().reveal()).isEqualTo("1//r");
      assertThat(grant.expiresIn()).isEqualTo(Duration.ofSeconds(3599));
      assertThat(grant.scopes())
          .containsExactlyInAnyOrder(GoogleCatalog.GMAIL_SEND, GoogleCatalog.GMAIL_READONLY);
      assertThat(grant.toString()).doesNotContain("ya29.a").doesNotContain("1//r");
    }

    @Test
    void a_scope_unticked_on_the_consent_screen_is_missing_from_the_grant() {
      server.enqueue(
          json(
              200,
              """
          {"access_token": "ya29.a", "expires_in": 3599, "refresh_token": "1//r", "token_type": "Bearer",
           "scope": "https://www.googleapis.com/auth/gmail.readonly"}
          """));

      TokenGrant grant = gmail.exchange(request, "code");

      assertThat(grant.scopes()).containsExactly(GoogleCatalog.GMAIL_READONLY);
      assertThat(grant.scopes()).doesNotContain(GoogleCatalog.GMAIL_SEND);
    }

    @Test
    void an_answer_without_scope_means_the_requested_scopes_so_scopes_are_null() {
      server.enqueue(
          json(
              200,
              """
          {"access_token": "ya29.a", "expires_in": 3599, "token_type": "Bearer"}
          """));

      TokenGrant grant = gmail.exchange(request, "code");

      assertThat(grant.scopes()).isNull();
      assertThat(grant.refreshToken()).isNull();
    }

    @Test
    void a_refused_code_is_a_failed_authorization_with_googles_reason_and_is_not_retried() {
      server.enqueue(
          json(
              400,
              """
          {"error": "invalid_grant", "error_description": "Malformed auth code."}
          """));

      assertThatThrownBy(() -> gmail.exchange(request, "stale-code"))
          .isInstanceOf(AuthorizationFailedException.class)
          .hasMessageContaining("invalid_grant: Malformed auth code.")
          .hasMessageNotContaining("stale-code");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }
}
