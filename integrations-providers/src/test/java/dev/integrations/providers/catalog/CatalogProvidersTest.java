package dev.integrations.providers.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.NotConfiguredException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UserId;
import dev.integrations.providers.oauth2.ClientCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic adapters of catalog providers: verification, bot tokens, the proxy's bounds. */
class CatalogProvidersTest {
  private static final ClientCredentials CLIENT =
      new ClientCredentials("client-1", Secret.of("secret-1"));

  @TempDir Path dir;
  private final MockWebServer api = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws IOException {
    api.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ProviderSpec spec(String key, String basePath) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("p.yaml"), key + ":\n  base_url: " + api.url(basePath) + "\n");
    return Placeholders.fill(
        ProviderCatalog.load(file).find(key).orElseThrow(), name -> Optional.empty());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
  }

  private static Credentials token(String value) {
    return new Credentials(Secret.of(value), null, null, Set.of());
  }

  @Test
  void slack_is_verified_by_auth_test_and_names_the_user() throws Exception {
    api.enqueue(
        json(
            200,
            "{\"ok\": true, \"url\": \"https://acme.slack.com/\", \"team\": \"Acme\", \"user\": \"ann\","
                + " \"team_id\": \"T1\", \"user_id\": \"U1\"}"));
    CatalogOAuthProvider slack = new CatalogOAuthProvider(spec("slack", "/api"), CLIENT, http);

    TestResult result = slack.test(token("xoxp-1"));

    RecordedRequest sent = api.takeRequest();
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/auth.test");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer xoxp-1");
    assertThat(result)
        .isEqualTo(TestResult.passed("Connected to Slack as ann.", new Account("U1", "ann")));
  }

  @Test
  void slacks_http_200_refusal_of_the_token_is_a_rejected_credential() throws IOException {
    api.enqueue(json(200, "{\"ok\": false, \"error\": \"token_revoked\"}"));
    CatalogOAuthProvider slack = new CatalogOAuthProvider(spec("slack", "/api"), CLIENT, http);

    assertThatThrownBy(() -> slack.test(token("xoxp-1")))
        .isInstanceOf(CredentialsRejectedException.class)
        .hasMessage("Slack refused the credentials (token_revoked).");
  }

  @Test
  void telegram_carries_its_token_in_the_path_and_a_401_is_a_rejected_credential()
      throws Exception {
    api.enqueue(
        json(
            200,
            "{\"ok\": true, \"result\": {\"id\": 42, \"is_bot\": true, \"username\": \"alerts_bot\"}}"));
    api.enqueue(
        json(401, "{\"ok\": false, \"error_code\": 401, \"description\": \"Unauthorized\"}"));
    CatalogTokenProvider telegram = new CatalogTokenProvider(spec("telegram", "/"), http);

    assertThat(telegram.validate(Secret.of("123:abc"))).isEqualTo(new Account("42", "alerts_bot"));
    assertThat(api.takeRequest().getUrl().encodedPath()).isEqualTo("/bot123:abc/getMe");
    assertThatThrownBy(() -> telegram.validate(Secret.of("123:revoked")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Telegram refused this token.")
        .extracting("code")
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
  }

  @Test
  void a_malformed_token_is_refused_before_any_call() throws IOException {
    CatalogTokenProvider discord = new CatalogTokenProvider(spec("discord", "/api/v10"), http);

    assertThatThrownBy(() -> discord.validate(Secret.of("has space")))
        .isInstanceOf(InvalidRequestException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void discord_bots_authenticate_with_the_bot_scheme() throws Exception {
    api.enqueue(
        json(200, "{\"id\": \"80351110224678912\", \"username\": \"Nelly\", \"bot\": true}"));
    CatalogTokenProvider discord = new CatalogTokenProvider(spec("discord", "/api/v10"), http);

    assertThat(
            discord
                .validate(Secret.of("MTk4NjIy.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"))
                .displayName())
        .isEqualTo("Nelly");
    RecordedRequest sent = api.takeRequest();
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v10/users/@me");
    assertThat(sent.getHeaders().get("Authorization"))
        .isEqualTo("Bot MTk4NjIy.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs");
  }

  @Test
  void dropbox_is_verified_by_a_post_without_a_body() throws Exception {
    api.enqueue(json(200, "{\"account_id\": \"dbid:AAH4f99\", \"email\": \"ann@example.com\"}"));
    CatalogOAuthProvider dropbox = new CatalogOAuthProvider(spec("dropbox", "/2"), CLIENT, http);

    assertThat(dropbox.test(token("sl.1")).account())
        .isEqualTo(new Account("dbid:AAH4f99", "ann@example.com"));
    RecordedRequest sent = api.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/2/users/get_current_account");
    assertThat(sent.getBodySize()).isZero();
    assertThat(sent.getHeaders().get("Content-Type")).isNull();
  }

  @Test
  void notion_sends_its_version_header_on_every_call() throws Exception {
    api.enqueue(
        json(
            200,
            "{\"object\": \"user\", \"id\": \"u-1\", \"name\": \"Acme bot\", \"type\": \"bot\"}"));
    CatalogOAuthProvider notion = new CatalogOAuthProvider(spec("notion", "/v1"), CLIENT, http);

    notion.test(token("secret_1"));

    assertThat(api.takeRequest().getHeaders().get("Notion-Version")).isEqualTo("2022-06-28");
  }

  @Test
  void without_client_credentials_connect_says_what_to_set() throws IOException {
    CatalogOAuthProvider teams =
        new CatalogOAuthProvider(spec("microsoft_teams", "/v1.0"), null, http);
    AuthorizationRequest request =
        new AuthorizationRequest(
            Secret.of("s"),
            UserId.of("ann"),
            IntegrationType.of("microsoft_teams"),
            Secret.of("v".repeat(43)),
            URI.create("http://localhost/cb"),
            Instant.now().plusSeconds(60));

    assertThat(teams.isConfigured()).isFalse();
    assertThatThrownBy(() -> teams.authorizationUrl(request))
        .isInstanceOf(NotConfiguredException.class)
        .hasMessage(
            "Microsoft Teams is not configured: set MICROSOFT_CLIENT_ID and MICROSOFT_CLIENT_SECRET.");
  }

  @Test
  void the_proxy_calls_the_providers_api_with_our_credential_and_never_the_callers()
      throws Exception {
    api.enqueue(json(200, "{\"ok\": true, \"channel\": \"C1\", \"ts\": \"1.2\"}"));
    CatalogOAuthProvider slack = new CatalogOAuthProvider(spec("slack", "/api"), CLIENT, http);
    ProxyRequest request =
        new ProxyRequest(
            "POST",
            "/chat.postMessage?pretty=1",
            Map.of(
                "Authorization",
                List.of("Bearer callers-jwt"),
                "Cookie",
                List.of("session=1"),
                "X-Custom",
                List.of("kept")),
            "{\"channel\":\"C1\",\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8),
            "application/json");

    ProxyResponse response = slack.call(token("xoxp-1"), request);

    RecordedRequest sent = api.takeRequest();
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/chat.postMessage");
    assertThat(sent.getUrl().encodedQuery()).isEqualTo("pretty=1");
    assertThat(sent.getHeaders().values("Authorization")).containsExactly("Bearer xoxp-1");
    assertThat(sent.getHeaders().get("Cookie")).isNull();
    assertThat(sent.getHeaders().get("X-Custom")).isEqualTo("kept");
    assertThat(sent.getBody().utf8()).isEqualTo("{\"channel\":\"C1\",\"text\":\"hi\"}");
    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"ts\": \"1.2\"");
    assertThat(response.headers()).containsKey("Content-Type");
  }

  @Test
  void the_proxy_never_leaves_the_providers_api_root() throws IOException {
    CatalogOAuthProvider slack = new CatalogOAuthProvider(spec("slack", "/api"), CLIENT, http);

    for (String path :
        List.of("//evil.example/x", "/../admin", "/a/%2e%2e/b", "/a/./b", "/a%2Fb", "\\\\evil")) {
      assertThatThrownBy(
              () ->
                  slack.call(token("xoxp-1"), new ProxyRequest("GET", path, Map.of(), null, null)))
          .as(path)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessage(
              "The path must stay below Slack's API root: no scheme, host, '..' or '.' segments.");
    }
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void a_get_is_retried_after_a_5xx_but_a_post_is_not() throws IOException {
    api.enqueue(json(503, "{}"));
    api.enqueue(json(200, "{\"ok\": true}"));
    api.enqueue(json(503, "{}"));
    CatalogOAuthProvider slack = new CatalogOAuthProvider(spec("slack", "/api"), CLIENT, http);

    assertThat(
            slack
                .call(
                    token("x"),
                    new ProxyRequest("GET", "/conversations.list", Map.of(), null, null))
                .status())
        .isEqualTo(200);
    assertThat(api.getRequestCount()).isEqualTo(2);
    assertThat(
            slack
                .call(
                    token("x"),
                    new ProxyRequest("POST", "/chat.postMessage", Map.of(), new byte[0], null))
                .status())
        .isEqualTo(503);
    assertThat(api.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a_post_turned_away_with_429_is_sent_again_after_retry_after() throws IOException {
    api.enqueue(new MockResponse(429, Headers.of("Retry-After", "0"), ""));
    api.enqueue(json(200, "{\"ok\": true}"));
    CatalogOAuthProvider slack = new CatalogOAuthProvider(spec("slack", "/api"), CLIENT, http);

    ProxyResponse response =
        slack.call(
            token("x"), new ProxyRequest("POST", "/chat.postMessage", Map.of(), new byte[0], null));

    assertThat(response.status()).isEqualTo(200);
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void the_request_deadline_bounds_a_proxied_call_that_hangs() throws IOException {
    api.enqueue(
        new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).body("{}").build());
    CatalogOAuthProvider github = new CatalogOAuthProvider(spec("github", "/"), CLIENT, http);
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                Deadline.after(Duration.ofMillis(300))
                    .run(
                        () ->
                            github.call(
                                token("gho_1"),
                                new ProxyRequest("GET", "/user", Map.of(), null, null))))
        .isInstanceOf(ProviderException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void a_retry_wait_that_would_end_after_the_deadline_is_not_slept() throws IOException {
    api.enqueue(
        new MockResponse(429, Headers.of("Retry-After", "2"), "{\"message\": \"slow down\"}"));
    CatalogOAuthProvider github = new CatalogOAuthProvider(spec("github", "/"), CLIENT, http);

    ProxyResponse response =
        Deadline.after(Duration.ofSeconds(1))
            .run(
                () ->
                    github.call(
                        token("gho_1"), new ProxyRequest("GET", "/user", Map.of(), null, null)));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().get("Retry-After")).containsExactly("2");
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_401_from_the_api_asks_the_core_to_refresh() throws IOException {
    api.enqueue(json(401, "{\"message\": \"Bad credentials\"}"));
    CatalogOAuthProvider github = new CatalogOAuthProvider(spec("github", "/"), CLIENT, http);

    assertThatThrownBy(
            () ->
                github.call(
                    token("gho_1"), new ProxyRequest("GET", "/user/repos", Map.of(), null, null)))
        .isInstanceOf(CredentialsRejectedException.class);
  }

  @Test
  void the_tenant_placeholder_is_filled_from_the_groups_setting_or_its_default()
      throws IOException {
    ProviderSpec outlook = ProviderCatalog.bundled().find("outlook").orElseThrow();

    assertThat(Placeholders.fill(outlook, name -> Optional.empty()).oauth().tokenUrl())
        .isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/token");
    assertThat(
            Placeholders.fill(
                    outlook,
                    name ->
                        name.equals("MICROSOFT_TENANT")
                            ? Optional.of("contoso.onmicrosoft.com")
                            : Optional.empty())
                .oauth()
                .authorizationUrl())
        .isEqualTo(
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize");
    assertThatThrownBy(() -> Placeholders.fill(outlook, name -> Optional.of("evil.com/x?")))
        .isInstanceOf(CatalogException.class)
        .hasMessage("MICROSOFT_TENANT must be letters, digits, '.', '_' or '-'.");
  }
}
