package dev.integrations.providers.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderCatalog;
import dev.integrations.providers.catalog.ProviderSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic engine against a real OAuth server, and against scripted token endpoints with real
 * providers' quirks.
 */
class OAuth2ClientTest {
  private static final URI REDIRECT = URI.create("http://127.0.0.1:8000/api/integrations/callback");
  private static final ClientCredentials CLIENT =
      new ClientCredentials("client-1", Secret.of("secret:1"));

  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();
  private static final RetrySettings ONE_ATTEMPT = RetrySettings.builder().maxAttempts(1).build();

  private final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ProviderSpec spec(String key, String overrides) throws IOException {
    Path file = Files.writeString(dir.resolve("providers.yaml"), overrides);
    return ProviderCatalog.load(file).find(key).orElseThrow();
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private static AuthorizationRequest request(String type) {
    return new AuthorizationRequest(
        Secret.of("state-" + type),
        UserId.of("ann"),
        IntegrationType.of(type),
        Secret.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        REDIRECT,
        Instant.now().plusSeconds(600));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
  }

  private static String form(RecordedRequest request) {
    return request.getBody().string(StandardCharsets.UTF_8);
  }

  @Test
  void the_consent_url_carries_the_client_redirect_scopes_state_challenge_and_extra_parameters()
      throws IOException {
    OAuth2Client gmail = OAuth2Client.of(spec("gmail", ""), CLIENT, http);

    HttpUrl url = HttpUrl.get(gmail.authorizationUrl(request("gmail")));

    assertThat(url.host()).isEqualTo("accounts.google.com");
    assertThat(url.queryParameter("response_type")).isEqualTo("code");
    assertThat(url.queryParameter("client_id")).isEqualTo("client-1");
    assertThat(url.queryParameter("redirect_uri")).isEqualTo(REDIRECT.toString());
    assertThat(url.queryParameter("state")).isEqualTo("state-gmail");
    assertThat(url.queryParameter("scope"))
        .isEqualTo(
            "https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.readonly");
    // RFC 7636 appendix B: the challenge of this verifier.
    assertThat(url.queryParameter("code_challenge"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(url.queryParameter("access_type")).isEqualTo("offline");
    assertThat(url.queryParameter("prompt")).isEqualTo("consent");
  }

  @Test
  void slack_asks_for_user_scopes_joined_by_commas() throws IOException {
    HttpUrl url =
        HttpUrl.get(
            OAuth2Client.of(spec("slack", ""), CLIENT, http).authorizationUrl(request("slack")));

    assertThat(url.queryParameter("user_scope")).isEqualTo("chat:write,channels:read");
    assertThat(url.queryParameter("scope")).isNull();
  }

  @Test
  void exchanges_a_code_at_a_real_oauth_server_which_checks_the_verifier() throws IOException {
    MockOAuth2Server oauth = new MockOAuth2Server();
    oauth.start(InetAddress.getLoopbackAddress(), 0);
    try {
      ProviderSpec spec =
          spec(
              "acme",
              """
          acme:
            name: Acme
            description: Acme
            auth: oauth2
            authorization_url: %s
            token_url: %s
            scopes: [openid, contacts]
            base_url: https://api.acme.test
            verify: {path: /me}
          """
                  .formatted(
                      oauth.authorizationEndpointUrl("acme"), oauth.tokenEndpointUrl("acme")));
      OAuth2Client acme = OAuth2Client.of(spec, CLIENT, http);
      AuthorizationRequest request = request("acme");

      String code = consent(acme.authorizationUrl(request));
      TokenGrant grant = acme.exchange(request, code);

      assertThat(grant.accessToken().reveal()).isNotBlank();
      assertThat(grant.refreshToken()).isNotNull();
      assertThat(grant.expiresIn()).isPositive();
      TokenGrant refreshed =
          acme.refresh(new Credentials(grant.accessToken(), grant.refreshToken(), null, Set.of()));
      assertThat(refreshed.accessToken().reveal()).isNotEqualTo(grant.accessToken().reveal());

      AuthorizationRequest forged =
          new AuthorizationRequest(
              request.state(),
              request.user(),
              request.type(),
              Secret.of("another-verifier-0123456789-0123456789-0123456789"),
              REDIRECT,
              request.expiresAt());
      String second = consent(acme.authorizationUrl(request));
      assertThatThrownBy(() -> acme.exchange(forged, second))
          .isInstanceOf(AuthorizationFailedException.class)
          .extracting("code")
          .isEqualTo(ErrorCode.PROVIDER_REJECTED);
    } finally {
      oauth.shutdown();
    }
  }

  @Test
  void notion_authenticates_by_basic_and_sends_json_and_its_tokens_never_expire() throws Exception {
    server.enqueue(
        json(
            200,
            """
        {"access_token": "secret_notion", "token_type": "bearer", "bot_id": "b1",
         "owner": {"type": "user", "user": {"id": "u1"}}}
        """));
    OAuth2Client notion =
        OAuth2Client.of(
            spec("notion", "notion:\n  token_url: " + url("/v1/oauth/token") + "\n"), CLIENT, http);

    TokenGrant grant = notion.exchange(request("notion"), "code-1");

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeaders().get("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("client-1:secret%3A1".getBytes(StandardCharsets.UTF_8)));
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(form(sent))
        .contains(
            "\"grant_type\":\"authorization_code\"",
            "\"code\":\"code-1\"",
            "\"redirect_uri\":\"" + REDIRECT + "\"",
            "\"code_verifier\":\"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk\"");
    assertThat(form(sent)).doesNotContain("client_secret");
    assertThat(grant.accessToken().reveal()).isEqualTo("secret_notion");
    assertThat(grant.refreshToken()).isNull();
    assertThat(grant.expiresIn()).isNull();
  }

  @Test
  void slacks_user_token_is_read_at_its_nested_path_and_its_scopes_split_on_commas()
      throws Exception {
    server.enqueue(
        json(
            200,
            """
        {"ok": true, "access_token": "xoxb-bot", "scope": "commands",
         "authed_user": {"id": "U1", "access_token": "xoxp-user", "refresh_token": "xoxe-1", "expires_in": 43200,
                         "scope": "chat:write,channels:read"}}
        """));
    OAuth2Client slack =
        OAuth2Client.of(
            spec("slack", "slack:\n  token_url: " + url("/api/oauth.v2.access") + "\n"),
            CLIENT,
            http);

    TokenGrant grant = slack.exchange(request("slack"), "code-1");

    assertThat(form(server.takeRequest()))
        .contains("client_id=client-1", "client_secret=secret%3A1");
    assertThat(grant.accessToken().reveal()).isEqualTo("xoxp-user");
    assertThat(grant.refreshToken().reveal()).isEqualTo("xoxe-1");
    assertThat(grant.expiresIn()).isEqualTo(Duration.ofHours(12));
    assertThat(grant.scopes()).containsExactlyInAnyOrder("chat:write", "channels:read");
  }

  @Test
  void slacks_http_200_error_is_a_refused_code() throws IOException {
    server.enqueue(json(200, "{\"ok\": false, \"error\": \"invalid_code\"}"));
    OAuth2Client slack =
        OAuth2Client.of(
            spec("slack", "slack:\n  token_url: " + url("/token") + "\n"), CLIENT, http);

    assertThatThrownBy(() -> slack.exchange(request("slack"), "stale"))
        .isInstanceOf(AuthorizationFailedException.class)
        .hasMessage("Slack refused the authorization code: invalid_code.")
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_REJECTED);
  }

  @Test
  void a_form_encoded_answer_is_read_and_a_token_without_expiry_never_expires() throws IOException {
    server.enqueue(
        new MockResponse(
            200,
            Headers.of("Content-Type", "application/x-www-form-urlencoded"),
            "access_token=gho_abc&scope=read%3Auser%2Crepo&token_type=bearer"));
    OAuth2Client github =
        OAuth2Client.of(
            spec("github", "github:\n  token_url: " + url("/token") + "\n"), CLIENT, http);

    TokenGrant grant = github.exchange(request("github"), "code-1");

    assertThat(grant.accessToken().reveal()).isEqualTo("gho_abc");
    assertThat(grant.expiresIn()).isNull();
    assertThat(grant.refreshToken()).isNull();
    assertThat(grant.scopes()).containsExactlyInAnyOrder("read:user", "repo");
  }

  @Test
  void a_refresh_without_a_new_refresh_token_says_so_and_sends_the_extra_token_parameters()
      throws Exception {
    server.enqueue(
        json(200, "{\"access_token\": \"a2\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}"));
    OAuth2Client acme =
        OAuth2Client.of(
            spec(
                "dropbox",
                """
        dropbox:
          token_url: %s
          token_params: {token_access_type: offline}
        """
                    .formatted(url("/oauth2/token"))),
            CLIENT,
            http);

    TokenGrant grant =
        acme.refresh(new Credentials(Secret.of("a1"), Secret.of("r1"), Instant.now(), Set.of()));

    String sent = form(server.takeRequest());
    assertThat(sent)
        .contains("grant_type=refresh_token", "refresh_token=r1", "token_access_type=offline");
    assertThat(grant.accessToken().reveal()).isEqualTo("a2");
    assertThat(grant.refreshToken()).as("kept by the caller").isNull();
    assertThat(grant.scopes()).as("absent: the ones asked for").isNull();
  }

  @Test
  void a_refused_grant_is_invalid_grant_whatever_the_provider_calls_it() throws IOException {
    server.enqueue(
        json(
            400,
            "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}"));
    server.enqueue(json(200, "{\"ok\": false, \"error\": \"invalid_refresh_token\"}"));
    OAuth2Client dropbox =
        OAuth2Client.of(
            spec("dropbox", "dropbox:\n  token_url: " + url("/t") + "\n"), CLIENT, http);
    OAuth2Client slack =
        OAuth2Client.of(spec("slack", "slack:\n  token_url: " + url("/t") + "\n"), CLIENT, http);
    Credentials credentials =
        new Credentials(Secret.of("a"), Secret.of("r"), Instant.now(), Set.of());

    assertThatThrownBy(() -> dropbox.refresh(credentials))
        .isInstanceOf(InvalidGrantException.class)
        .hasMessage(
            "Dropbox no longer accepts this connection (invalid_grant: Token has been expired or revoked.).");
    assertThatThrownBy(() -> slack.refresh(credentials))
        .isInstanceOf(InvalidGrantException.class)
        .hasMessage("Slack no longer accepts this connection (invalid_refresh_token).");
  }

  @Test
  void a_failing_token_endpoint_is_a_provider_error_and_a_429_says_how_long_to_wait()
      throws IOException {
    server.enqueue(json(503, "{\"error\": \"temporarily_unavailable\"}"));
    server.enqueue(new MockResponse(429, Headers.of("Retry-After", "7"), ""));
    OAuth2Client dropbox =
        OAuth2Client.of(
            spec("dropbox", "dropbox:\n  token_url: " + url("/t") + "\n"),
            CLIENT,
            http,
            ONE_ATTEMPT,
            false);
    Credentials credentials =
        new Credentials(Secret.of("a"), Secret.of("r"), Instant.now(), Set.of());

    assertThatThrownBy(() -> dropbox.refresh(credentials))
        .isInstanceOf(ProviderException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_ERROR);
    ProviderException limited =
        (ProviderException)
            org.assertj.core.api.Assertions.catchThrowable(() -> dropbox.refresh(credentials));
    assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void a_refresh_answered_with_a_5xx_or_a_429_is_asked_again_after_the_wait_it_was_told()
      throws IOException {
    server.enqueue(json(503, "{\"error\": \"temporarily_unavailable\"}"));
    server.enqueue(new MockResponse(429, Headers.of("Retry-After", "0"), ""));
    server.enqueue(json(200, "{\"access_token\": \"a2\", \"token_type\": \"bearer\"}"));
    OAuth2Client dropbox =
        OAuth2Client.of(
            spec("dropbox", "dropbox:\n  token_url: " + url("/t") + "\n"), CLIENT, http);

    TokenGrant grant =
        dropbox.refresh(new Credentials(Secret.of("a"), Secret.of("r"), Instant.now(), Set.of()));

    assertThat(grant.accessToken().reveal()).isEqualTo("a2");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a_refresh_whose_answer_was_lost_is_asked_again_only_where_refresh_tokens_do_not_rotate()
      throws IOException {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(json(200, "{\"access_token\": \"g2\", \"token_type\": \"bearer\"}"));
    Credentials credentials =
        new Credentials(Secret.of("a"), Secret.of("r"), Instant.now(), Set.of());
    OAuth2Client rotating =
        OAuth2Client.of(
            spec("dropbox", "dropbox:\n  token_url: " + url("/t") + "\n"), CLIENT, http);
    OAuth2Client google =
        OAuth2Client.of(
            spec("gmail", "gmail:\n  token_url: " + url("/t") + "\n"),
            CLIENT,
            http,
            RetrySettings.defaults(),
            true);

    assertThatThrownBy(() -> rotating.refresh(credentials))
        .isInstanceOf(ProviderException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(server.getRequestCount())
        .as("the old refresh token may be spent: not presented again")
        .isEqualTo(1);
    assertThat(google.refresh(credentials).accessToken().reveal()).isEqualTo("g2");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a_code_exchange_refused_with_a_5xx_is_not_repeated() throws IOException {
    server.enqueue(json(503, "{\"error\": \"temporarily_unavailable\"}"));
    OAuth2Client dropbox =
        OAuth2Client.of(
            spec("dropbox", "dropbox:\n  token_url: " + url("/t") + "\n"), CLIENT, http);

    assertThatThrownBy(() -> dropbox.exchange(request("dropbox"), "code-1"))
        .isInstanceOf(AuthorizationFailedException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_ERROR);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void google_revocation_posts_the_token_alone_without_the_client_secret() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    OAuth2Client gmail =
        OAuth2Client.of(
            spec("gmail", "gmail:\n  revocation_url: " + url("/revoke") + "\n"), CLIENT, http);

    RevocationResult result =
        gmail.revoke(new Credentials(Secret.of("a1"), Secret.of("r1"), null, Set.of()));

    assertThat(form(server.takeRequest())).isEqualTo("token=r1");
    assertThat(result).isEqualTo(RevocationResult.succeeded());
  }

  @Test
  void rfc7009_revocation_posts_the_refresh_token_with_client_authentication() throws Exception {
    server.enqueue(json(200, "{}"));
    OAuth2Client outlook =
        OAuth2Client.of(
            spec("outlook", "outlook:\n  revocation_url: " + url("/revoke") + "\n"), CLIENT, http);

    RevocationResult result =
        outlook.revoke(new Credentials(Secret.of("a1"), Secret.of("r1"), null, Set.of()));

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(form(sent)).contains("token=r1", "client_id=client-1");
    assertThat(result).isEqualTo(RevocationResult.succeeded());
  }

  @Test
  void bearer_revocation_carries_the_access_token_and_a_refusal_is_reported_not_thrown()
      throws Exception {
    server.enqueue(json(200, "{\"ok\": true, \"revoked\": true}"));
    server.enqueue(json(200, "{\"ok\": false, \"error\": \"invalid_auth\"}"));
    OAuth2Client slack =
        OAuth2Client.of(
            spec("slack", "slack:\n  revocation_url: " + url("/auth.revoke") + "\n"), CLIENT, http);
    Credentials credentials = new Credentials(Secret.of("xoxp-1"), null, null, Set.of());

    assertThat(slack.revoke(credentials).revoked()).isTrue();
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer xoxp-1");
    RevocationResult refused = slack.revoke(credentials);
    assertThat(refused.attempted()).isTrue();
    assertThat(refused.revoked()).isFalse();
    assertThat(refused.message()).isEqualTo("Slack did not confirm the revocation (invalid_auth).");
  }

  @Test
  void a_provider_without_revocation_forgets_locally_and_says_so() throws IOException {
    RevocationResult result =
        OAuth2Client.of(spec("github", ""), CLIENT, http)
            .revoke(new Credentials(Secret.of("gho_1"), null, null, Set.of()));

    assertThat(result.attempted()).isFalse();
    assertThat(result.message())
        .isEqualTo(
            "GitHub offers no revocation: the tokens were forgotten here, not revoked."
                + " Remove the app's access in your GitHub account settings if needed.");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void the_client_secret_never_shows_in_to_string() {
    assertThat(CLIENT.toString()).doesNotContain("secret:1");
  }

  /** Plays the browser at mock-oauth2-server's consent page and returns the code it sends back. */
  private static String consent(URI consentUrl) throws IOException {
    OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
    Request signIn =
        new Request.Builder()
            .url(consentUrl.toString())
            .post(new FormBody.Builder().add("username", "ann").build())
            .build();
    try (Response redirect = browser.newCall(signIn).execute()) {
      assertThat(redirect.code()).isEqualTo(302);
      return HttpUrl.get(redirect.header("Location")).queryParameter("code");
    }
  }
}
