package dev.integrations.testing.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each OAuth stand-in is as strict as its provider, and refuses in the provider's own words: a
 * wrong client secret, a redirect URI other than the consent's, a PKCE verifier that does not
 * match, a code used twice, and an unknown access token at the API. Played by hand over real
 * sockets.
 */
class OAuthStandInsTest {
  static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  static final String OTHER_VERIFIER = "Xq7BmZJ3yVh0QfC2dK9sP4tW8nR1uL6eA5gI0oY3jMb";

  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

  /**
   * One provider: how to reach its endpoints, and how it answers each refusal ({@code status} and a
   * piece of the body).
   */
  record Provider(
      String name,
      BiFunction<String, URI, OAuthStandIn> create,
      String authorize,
      Map<String, String> consent,
      String token,
      boolean basic,
      boolean json,
      String wrongSecret,
      String wrongRedirect,
      String wrongVerifier,
      String usedCode,
      Request.Builder api,
      String unknownToken) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Provider> providers() {
    return Stream.of(
        new Provider(
            "slack",
            SlackStandIn::new,
            "/oauth/v2/authorize",
            Map.of("user_scope", "chat:write"),
            "/api/oauth.v2.access",
            false,
            false,
            "200 \"error\":\"bad_client_secret\"",
            "200 \"error\":\"bad_redirect_uri\"",
            "200 \"error\":\"invalid_code_verifier\"",
            "200 \"error\":\"invalid_code\"",
            new Request.Builder().url("http://x/api/auth.test"),
            "200 \"error\":\"invalid_auth\""),
        new Provider(
            "github",
            GitHubStandIn::new,
            "/login/oauth/authorize",
            Map.of("scope", "read:user"),
            "/login/oauth/access_token",
            false,
            false,
            "200 error=incorrect_client_credentials",
            "200 error=redirect_uri_mismatch",
            "200 error=bad_verification_code",
            "200 error=bad_verification_code",
            new Request.Builder().url("http://x/user"),
            "401 Bad credentials"),
        new Provider(
            "microsoft",
            (id, uri) -> new MicrosoftStandIn(id, uri, "common"),
            "/common/oauth2/v2.0/authorize",
            Map.of("scope", "User.Read offline_access"),
            "/common/oauth2/v2.0/token",
            false,
            false,
            "401 AADSTS7000215",
            "400 AADSTS50011",
            "400 AADSTS501481",
            "400 AADSTS70008",
            new Request.Builder().url("http://x/v1.0/me"),
            "401 InvalidAuthenticationToken"),
        new Provider(
            "notion",
            NotionStandIn::new,
            "/v1/oauth/authorize",
            Map.of("owner", "user"),
            "/v1/oauth/token",
            true,
            true,
            "401 invalid_client",
            "400 Invalid redirect_uri",
            "400 invalid_grant",
            "400 invalid_grant",
            new Request.Builder()
                .url("http://x/v1/users/me")
                .header("Notion-Version", "2022-06-28"),
            "401 \"code\": \"unauthorized\""),
        new Provider(
            "dropbox",
            DropboxStandIn::new,
            "/oauth2/authorize",
            Map.of("token_access_type", "offline"),
            "/oauth2/token",
            false,
            false,
            "400 Invalid client_id or client_secret",
            "400 redirect_uri mismatch",
            "400 invalid code verifier",
            "400 code doesn't exist",
            new Request.Builder()
                .url("http://x/2/users/get_current_account")
                .post(RequestBody.create(new byte[0])),
            "401 invalid_access_token"),
        new Provider(
            "acme",
            AcmeStandIn::new,
            "/oauth/authorize",
            Map.of("scope", "projects:read"),
            "/oauth/token",
            true,
            false,
            "401 invalid_client",
            "400 invalid_grant",
            "400 invalid_grant",
            "400 invalid_grant",
            new Request.Builder().url("http://x/api/v1/me"),
            "401 invalid_token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void a_code_is_redeemed_once_only_with_the_right_secret_redirect_uri_and_verifier(
      Provider provider) throws Exception {
    try (OAuthStandIn standIn = provider.create().apply("strict-client", REDIRECT)) {
      String code = consent(standIn, provider);
      assertAnswer(
          exchange(standIn, provider, code, "wrong-secret", REDIRECT.toString(), VERIFIER),
          provider.wrongSecret());
      code = consent(standIn, provider);
      assertAnswer(
          exchange(standIn, provider, code, standIn.clientSecret, REDIRECT + "/other", VERIFIER),
          provider.wrongRedirect());
      code = consent(standIn, provider);
      assertAnswer(
          exchange(
              standIn, provider, code, standIn.clientSecret, REDIRECT.toString(), OTHER_VERIFIER),
          provider.wrongVerifier());

      code = consent(standIn, provider);
      String answer =
          body(
              exchange(
                  standIn, provider, code, standIn.clientSecret, REDIRECT.toString(), VERIFIER),
              200);
      assertThat(answer).contains(standIn.grants().get(0).accessToken());
      assertAnswer(
          exchange(standIn, provider, code, standIn.clientSecret, REDIRECT.toString(), VERIFIER),
          provider.usedCode());

      Request api =
          provider
              .api()
              .url(
                  standIn.url()
                      + HttpUrl.get(provider.api().build().url().toString()).encodedPath())
              .header("Authorization", "Bearer not-a-token")
              .build();
      assertAnswer(call(api), provider.unknownToken());
      Request live =
          api.newBuilder()
              .header("Authorization", "Bearer " + standIn.grants().get(0).accessToken())
              .build();
      body(call(live), 200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void the_consent_screen_refuses_an_unknown_client_or_redirect_uri_with_an_error_page(
      Provider provider) {
    try (OAuthStandIn standIn = provider.create().apply("strict-client", REDIRECT)) {
      HttpUrl.Builder url = consentUrl(standIn, provider);
      assertThatThrownBy(
              () ->
                  standIn.consent(
                      url.build()
                          .newBuilder()
                          .setQueryParameter("client_id", "other")
                          .build()
                          .uri()))
          .hasMessageContaining("answered 400");
      assertThatThrownBy(
              () ->
                  standIn.consent(
                      url.build()
                          .newBuilder()
                          .setQueryParameter("redirect_uri", "https://evil.example/cb")
                          .build()
                          .uri()))
          .hasMessageContaining("answered 400");
    }
  }

  @Test
  void client_authentication_a_provider_does_not_take_is_refused() throws Exception {
    Provider notion = providers().filter(p -> p.name().equals("notion")).findFirst().orElseThrow();
    try (OAuthStandIn standIn = new NotionStandIn("strict-client", REDIRECT)) {
      String code = consent(standIn, notion);
      Provider inBody =
          new Provider(
              "notion-body",
              null,
              null,
              null,
              notion.token(),
              false,
              true,
              null,
              null,
              null,
              null,
              null,
              null);
      assertAnswer(
          exchange(standIn, inBody, code, standIn.clientSecret, REDIRECT.toString(), VERIFIER),
          "401 invalid_client");
    }
  }

  @Test
  void github_answers_form_encoded_unless_asked_for_json() throws Exception {
    Provider github = providers().filter(p -> p.name().equals("github")).findFirst().orElseThrow();
    try (OAuthStandIn standIn = new GitHubStandIn("strict-client", REDIRECT)) {
      try (Response form =
          exchange(
              standIn,
              github,
              consent(standIn, github),
              standIn.clientSecret,
              REDIRECT.toString(),
              VERIFIER)) {
        assertThat(form.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form.body().string())
            .startsWith("access_token=gho_")
            .endsWith("&token_type=bearer&scope=read%3Auser");
      }
      Request json =
          tokenRequest(
                  standIn,
                  github,
                  consent(standIn, github),
                  standIn.clientSecret,
                  REDIRECT.toString(),
                  VERIFIER)
              .header("Accept", "application/json")
              .build();
      try (Response answer = http.newCall(json).execute()) {
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.body().string())
            .startsWith("{\"access_token\":\"gho_")
            .doesNotContain("refresh_token")
            .doesNotContain("expires_in");
      }
    }
  }

  @Test
  void microsoft_rotates_refresh_tokens_and_refuses_the_old_one() throws Exception {
    Provider microsoft =
        providers().filter(p -> p.name().equals("microsoft")).findFirst().orElseThrow();
    try (OAuthStandIn standIn = new MicrosoftStandIn("strict-client", REDIRECT, "common")) {
      String first =
          body(
              exchange(
                  standIn,
                  microsoft,
                  consent(standIn, microsoft),
                  standIn.clientSecret,
                  REDIRECT.toString(),
                  VERIFIER),
              200);
      assertThat(first).contains("\"scope\": \"User.Read\"");
      String refreshToken = standIn.grants().get(0).refreshToken();
      String second = body(refresh(standIn, microsoft, refreshToken), 200);
      assertThat(second).contains("refresh_token").doesNotContain(refreshToken);
      assertAnswer(refresh(standIn, microsoft, refreshToken), "400 AADSTS70008");
    }
  }

  @Test
  void notion_wants_its_version_header_and_dropbox_no_body_on_argumentless_calls()
      throws Exception {
    try (NotionStandIn notion = new NotionStandIn("strict-client", REDIRECT)) {
      assertAnswer(
          call(new Request.Builder().url(notion.url() + "/v1/users/me").build()),
          "400 missing_version");
    }
    Provider dropbox =
        providers().filter(p -> p.name().equals("dropbox")).findFirst().orElseThrow();
    try (OAuthStandIn standIn = new DropboxStandIn("strict-client", REDIRECT)) {
      body(
          exchange(
              standIn,
              dropbox,
              consent(standIn, dropbox),
              standIn.clientSecret,
              REDIRECT.toString(),
              VERIFIER),
          200);
      Request json =
          new Request.Builder()
              .url(standIn.url() + "/2/users/get_current_account")
              .header("Authorization", "Bearer " + standIn.grants().get(0).accessToken())
              .post(RequestBody.create(new byte[0], MediaType.get("application/json")))
              .build();
      assertAnswer(call(json), "400 could not decode input as JSON");
    }
  }

  private String consent(OAuthStandIn standIn, Provider provider) {
    URI back = standIn.consent(consentUrl(standIn, provider).build().uri());
    return HttpUrl.get(back).queryParameter("code");
  }

  private static HttpUrl.Builder consentUrl(OAuthStandIn standIn, Provider provider) {
    HttpUrl.Builder url =
        HttpUrl.get(standIn.url() + provider.authorize())
            .newBuilder()
            .addQueryParameter("client_id", standIn.clientId)
            .addQueryParameter("response_type", "code")
            .addQueryParameter("redirect_uri", REDIRECT.toString())
            .addQueryParameter("state", "s-1")
            .addQueryParameter("code_challenge", s256(VERIFIER))
            .addQueryParameter("code_challenge_method", "S256");
    provider.consent().forEach(url::addQueryParameter);
    return url;
  }

  private Response exchange(
      OAuthStandIn standIn,
      Provider provider,
      String code,
      String secret,
      String redirect,
      String verifier)
      throws IOException {
    return http.newCall(tokenRequest(standIn, provider, code, secret, redirect, verifier).build())
        .execute();
  }

  private Response refresh(OAuthStandIn standIn, Provider provider, String refreshToken)
      throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "refresh_token");
    fields.put("refresh_token", refreshToken);
    return http.newCall(post(standIn, provider, standIn.clientSecret, fields).build()).execute();
  }

  private static Request.Builder tokenRequest(
      OAuthStandIn standIn,
      Provider provider,
      String code,
      String secret,
      String redirect,
      String verifier) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code);
    fields.put("redirect_uri", redirect);
    fields.put("code_verifier", verifier);
    return post(standIn, provider, secret, fields);
  }

  private static Request.Builder post(
      OAuthStandIn standIn, Provider provider, String secret, Map<String, String> fields) {
    Request.Builder request = new Request.Builder().url(standIn.url() + provider.token());
    Map<String, String> body = new LinkedHashMap<>(fields);
    if (provider.basic()) {
      request.header("Authorization", Credentials.basic(standIn.clientId, secret));
    } else {
      body.put("client_id", standIn.clientId);
      body.put("client_secret", secret);
    }
    if (provider.json()) {
      return request.post(
          RequestBody.create(
              OAuthStandIn.JSON.valueToTree(body).toString(), MediaType.get("application/json")));
    }
    FormBody.Builder form = new FormBody.Builder();
    body.forEach(form::add);
    return request.post(form.build());
  }

  private Response call(Request request) throws IOException {
    return http.newCall(request.newBuilder().header("User-Agent", "strict-test").build()).execute();
  }

  /** Asserts {@code expected}: {@code "<status> <piece of the body>"}. */
  private static void assertAnswer(Response response, String expected) throws IOException {
    int space = expected.indexOf(' ');
    assertThat(body(response, Integer.parseInt(expected.substring(0, space))))
        .contains(expected.substring(space + 1));
  }

  private static String body(Response response, int status) throws IOException {
    try (response) {
      String body = response.body().string();
      assertThat(response.code()).as(body).isEqualTo(status);
      return body;
    }
  }

  private static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
