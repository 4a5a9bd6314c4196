package dev.integrations.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins are as strict as Google and Telegram: what a real client must do to get an answer,
 * and the refusals it meets otherwise. Each test plays the client by hand, over real sockets.
 */
class ProviderStandInsTest {
  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final String GMAIL = "https://www.googleapis.com/auth/gmail.readonly";
  private static final String DRIVE = "https://www.googleapis.com/auth/drive.file";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private final ProviderStandIns standIns = new ProviderStandIns("strict");
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void stop() {
    standIns.close();
  }

  @Test
  void
      a_consent_exchanged_with_its_redirect_uri_and_verifier_gives_tokens_for_the_signed_in_account()
          throws Exception {
    HttpUrl back = HttpUrl.get(ProviderStandIns.consent(consentUrl(GMAIL, "s-1"), "bob"));

    assertThat(back.toString()).startsWith(REDIRECT + "?");
    assertThat(back.queryParameter("state")).isEqualTo("s-1");
    assertThat(back.queryParameter("scope")).isEqualTo(GMAIL);
    String answer = exchange(back.queryParameter("code"), REDIRECT, VERIFIER);
    assertThat(answer)
        .contains(
            "\"expires_in\": 3599", "\"scope\": \"" + GMAIL + "\"", "\"refresh_token\": \"1//0");

    Response profile = api("/gmail/v1/users/me/profile", field(answer, "access_token"));
    assertThat(profile.code()).isEqualTo(200);
    assertThat(profile.body().string()).contains("\"emailAddress\": \"bob@example.com\"");
  }

  @Test
  void the_code_exchange_checks_the_redirect_uri_the_verifier_and_single_use() throws Exception {
    String wrongRedirect =
        HttpUrl.get(ProviderStandIns.consent(consentUrl(GMAIL, "s"))).queryParameter("code");
    String wrongVerifier =
        HttpUrl.get(ProviderStandIns.consent(consentUrl(GMAIL, "s"))).queryParameter("code");
    String used =
        HttpUrl.get(ProviderStandIns.consent(consentUrl(GMAIL, "s"))).queryParameter("code");
    exchange(used, REDIRECT, VERIFIER);

    assertThat(tokenEndpoint(code(wrongRedirect, "http://127.0.0.1:9/other", VERIFIER)))
        .isEqualTo(
            "400 {\"error\": \"redirect_uri_mismatch\", \"error_description\": \"Bad Request\"}");
    assertThat(tokenEndpoint(code(wrongVerifier, REDIRECT, VERIFIER.replace('d', 'e'))))
        .isEqualTo(
            "400 {\"error\": \"invalid_grant\", \"error_description\": \"Invalid code verifier.\"}");
    assertThat(tokenEndpoint(code(used, REDIRECT, VERIFIER)))
        .isEqualTo(
            "400 {\"error\": \"invalid_grant\", \"error_description\": \"Malformed auth code.\"}");
  }

  @Test
  void unticked_scopes_are_missing_from_the_answer_and_the_token_cannot_call_their_api()
      throws Exception {
    standIns.accounts.grantedScopes = Set.of(DRIVE);
    HttpUrl back = HttpUrl.get(ProviderStandIns.consent(consentUrl(GMAIL + " " + DRIVE, "s")));

    String answer = exchange(back.queryParameter("code"), REDIRECT, VERIFIER);

    assertThat(field(answer, "scope")).isEqualTo(DRIVE);
    assertThat(api("/gmail/v1/users/me/profile", field(answer, "access_token")).code())
        .isEqualTo(403);
    assertThat(api("/drive/v3/about", field(answer, "access_token")).code()).isEqualTo(200);
  }

  @Test
  void a_refresh_omits_the_refresh_token_and_the_new_access_token_works() throws Exception {
    String first = connect(GMAIL);

    String refreshed = tokenEndpoint(refresh(field(first, "refresh_token")));

    assertThat(refreshed).startsWith("200 ").doesNotContain("refresh_token");
    assertThat(api("/gmail/v1/users/me/profile", field(refreshed, "access_token")).code())
        .isEqualTo(200);
  }

  @Test
  void a_rotating_endpoint_refuses_the_superseded_refresh_token() throws Exception {
    standIns.accounts.refreshTokens = GoogleAccounts.RefreshTokens.ROTATED;
    String first = connect(GMAIL);

    String rotated = tokenEndpoint(refresh(field(first, "refresh_token")));

    assertThat(field(rotated, "refresh_token"))
        .startsWith("1//0")
        .isNotEqualTo(field(first, "refresh_token"));
    assertThat(tokenEndpoint(refresh(field(first, "refresh_token"))))
        .isEqualTo(
            "400 {\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}");
    assertThat(tokenEndpoint(refresh(field(rotated, "refresh_token")))).startsWith("200 ");
  }

  @Test
  void reuse_detection_ends_the_whole_grant() throws Exception {
    standIns.accounts.refreshTokens = GoogleAccounts.RefreshTokens.ROTATED;
    standIns.accounts.reuseEndsGrant = true;
    String first = connect(GMAIL);
    String rotated = tokenEndpoint(refresh(field(first, "refresh_token")));

    tokenEndpoint(refresh(field(first, "refresh_token")));

    assertThat(api("/gmail/v1/users/me/profile", field(rotated, "access_token")).code())
        .isEqualTo(401);
    assertThat(tokenEndpoint(refresh(field(rotated, "refresh_token"))))
        .startsWith("400 {\"error\": \"invalid_grant\"");
  }

  @Test
  void revoking_one_token_ends_every_token_of_the_accounts_grant() throws Exception {
    String gmail = connect(GMAIL);
    String drive = connect(DRIVE);

    Response revoked =
        http.newCall(
                new Request.Builder()
                    .url(standIns.google.url("/revoke"))
                    .post(
                        new FormBody.Builder().add("token", field(gmail, "refresh_token")).build())
                    .build())
            .execute();

    assertThat(revoked.code()).isEqualTo(200);
    assertThat(api("/gmail/v1/users/me/profile", field(gmail, "access_token")).code())
        .isEqualTo(401);
    assertThat(api("/drive/v3/about", field(drive, "access_token")).code()).isEqualTo(401);
    assertThat(tokenEndpoint(refresh(field(drive, "refresh_token"))))
        .isEqualTo(
            "400 {\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}");
    assertThat(standIns.grants.hasLiveGrant(ProviderStandIns.ACCOUNT, standIns.clientId()))
        .isFalse();
  }

  @Test
  void revocation_is_a_form_post_of_a_known_token() throws Exception {
    String tokens = connect(GMAIL);
    HttpUrl revoke = standIns.google.url("/revoke");

    Response get =
        http.newCall(
                new Request.Builder()
                    .url(
                        revoke
                            .newBuilder()
                            .addQueryParameter("token", field(tokens, "access_token"))
                            .build())
                    .build())
            .execute();
    Response unknown =
        http.newCall(
                new Request.Builder()
                    .url(revoke)
                    .post(new FormBody.Builder().add("token", "ya29.never-issued").build())
                    .build())
            .execute();

    assertThat(get.code()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo(400);
    assertThat(unknown.body().string())
        .isEqualTo(
            "{\"error\": \"invalid_token\", \"error_description\": \"Token expired or revoked\"}");
    assertThat(api("/gmail/v1/users/me/profile", field(tokens, "access_token")).code())
        .isEqualTo(200);
  }

  @Test
  void an_api_call_without_an_issued_token_is_401_in_googles_shape() throws Exception {
    Response forged = api("/gmail/v1/users/me/profile", "ya29.forged");
    Response none =
        http.newCall(new Request.Builder().url(standIns.google.url("/drive/v3/about")).build())
            .execute();

    assertThat(forged.code()).isEqualTo(401);
    assertThat(forged.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    assertThat(forged.body().string()).contains("\"status\": \"UNAUTHENTICATED\"");
    assertThat(none.code()).isEqualTo(401);
  }

  @Test
  void rate_limits_say_when_to_come_back() throws Exception {
    String tokens = connect(GMAIL);
    standIns.failNextGoogleCalls(429, 1);
    standIns.failNextTelegramCalls(429, 1);

    Response google = api("/gmail/v1/users/me/profile", field(tokens, "access_token"));
    Response telegram =
        http.newCall(
                new Request.Builder()
                    .url(standIns.telegram.url("/bot" + ProviderStandIns.BOT_TOKEN + "/getMe"))
                    .build())
            .execute();

    assertThat(google.code()).isEqualTo(429);
    assertThat(google.header("Retry-After")).isEqualTo("1");
    assertThat(telegram.code()).isEqualTo(429);
    assertThat(telegram.body().string()).contains("\"parameters\":{\"retry_after\":1}");
    assertThat(api("/gmail/v1/users/me/profile", field(tokens, "access_token")).code())
        .isEqualTo(200);
  }

  private URI consentUrl(String scope, String state) {
    return standIns
        .accounts
        .authorizationEndpoint()
        .newBuilder()
        .addQueryParameter("client_id", standIns.clientId())
        .addQueryParameter("redirect_uri", REDIRECT)
        .addQueryParameter("response_type", "code")
        .addQueryParameter("scope", scope)
        .addQueryParameter("state", state)
        .addQueryParameter("code_challenge", GoogleAccounts.challengeOf(VERIFIER))
        .addQueryParameter("code_challenge_method", "S256")
        .addQueryParameter("access_type", "offline")
        .addQueryParameter("prompt", "consent")
        .build()
        .uri();
  }

  private String connect(String scope) throws IOException {
    return exchange(
        HttpUrl.get(ProviderStandIns.consent(consentUrl(scope, "s"))).queryParameter("code"),
        REDIRECT,
        VERIFIER);
  }

  private String exchange(String code, String redirectUri, String verifier) throws IOException {
    String answer = tokenEndpoint(code(code, redirectUri, verifier));
    assertThat(answer).startsWith("200 ");
    return answer;
  }

  private FormBody code(String code, String redirectUri, String verifier) {
    return client()
        .add("grant_type", "authorization_code")
        .add("code", code)
        .add("redirect_uri", redirectUri)
        .add("code_verifier", verifier)
        .build();
  }

  private FormBody refresh(String refreshToken) {
    return client().add("grant_type", "refresh_token").add("refresh_token", refreshToken).build();
  }

  private FormBody.Builder client() {
    return new FormBody.Builder()
        .add("client_id", standIns.clientId())
        .add("client_secret", standIns.clientSecret());
  }

  /** The token endpoint's status and body, as {@code "200 {...}"}. */
  private String tokenEndpoint(RequestBody form) throws IOException {
    try (Response response =
        http.newCall(
                new Request.Builder().url(standIns.accounts.tokenEndpoint()).post(form).build())
            .execute()) {
      return response.code() + " " + response.body().string();
    }
  }

  private Response api(String path, String accessToken) throws IOException {
    return http.newCall(
            new Request.Builder()
                .url(standIns.google.url(path))
                .header("Authorization", "Bearer " + accessToken)
                .build())
        .execute();
  }

  private static String field(String answer, String name) {
    var matcher = java.util.regex.Pattern.compile("\"" + name + "\": \"([^\"]+)\"").matcher(answer);
    assertThat(matcher.find()).as(name + " in " + answer).isTrue();
    return matcher.group(1);
  }
}
