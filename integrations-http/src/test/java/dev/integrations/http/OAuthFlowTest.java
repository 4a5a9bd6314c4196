package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole OAuth flow over HTTP: connect, consent at a real OAuth server, the callback exchanging
 * the code and redirecting to the frontend, and every way the callback can be refused storing
 * nothing.
 */
class OAuthFlowTest {
  StandIns standIns;
  TestServer server;
  String token;

  /** Ann's browser: it calls /connect and comes back from the consent screen, with its cookies. */
  Browser browser;

  @BeforeEach
  void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
    token = server.token("ann");
    browser = new Browser(server);
  }

  @AfterEach
  void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void gmail_connects_through_consent_and_callback_and_then_tests_green() {
    HttpResponse<String> connect = browser.connect(token, "gmail");
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    JsonNode pending = Json.parse(connect.body());
    assertThat(pending.path("message").asText()).isEqualTo("Please authorize the application");
    HttpUrl consentUrl = HttpUrl.get(pending.path("oauth_url").asText());
    assertThat(consentUrl.queryParameter("state")).isEqualTo(pending.path("state").asText());
    assertThat(consentUrl.queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(consentUrl.queryParameter("redirect_uri"))
        .isEqualTo(StandIns.PUBLIC_URL + CallbackRoute.PATH);

    URI back = standIns.consent(consentUrl.toString());
    assertThat(back.toString()).startsWith(StandIns.PUBLIC_URL + CallbackRoute.PATH);
    HttpResponse<String> callback = browser.arriveAt(back);

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location"))
        .contains(TestServer.FRONTEND + "?integration=gmail&status=connected");
    JsonNode gmail = entry("gmail");
    assertThat(gmail.path("status").asText()).isEqualTo("connected");
    assertThat(gmail.path("connected_at").isNull()).isFalse();
    assertThat(entry("google_drive").path("status").asText()).isEqualTo("disconnected");

    HttpResponse<String> test =
        server.post("/api/integrations/test?integration_type=gmail", token, null);
    assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
    JsonNode tested = Json.parse(test.body());
    assertThat(tested.path("success").asBoolean()).as(test.body()).isTrue();
    assertThat(tested.path("integration_type").asText()).isEqualTo("gmail");
    RecordedRequest profile = standIns.googleCallsTo("/gmail/v1/users/me/profile").get(0);
    assertThat(standIns.grants.liveAccessTokensOf(StandIns.ACCOUNT))
        .containsExactly(profile.getHeaders().get("Authorization").substring("Bearer ".length()));
  }

  @Test
  void a_state_the_server_never_issued_is_refused_and_stores_nothing() {
    HttpResponse<String> callback =
        server.get(CallbackRoute.PATH + "?code=some-code&state=made-up-state", null);

    assertRedirectedWithError(callback, "invalid_state");
    assertThat(entry("gmail").path("status").asText()).isEqualTo("disconnected");
  }

  @Test
  void a_state_used_once_is_refused_the_second_time() {
    HttpResponse<String> connect = browser.connect(token, "gmail");
    URI back = standIns.consent(Json.parse(connect.body()).path("oauth_url").asText());
    String callbackPath = back.getRawPath() + "?" + back.getRawQuery();
    assertThat(browser.get(callbackPath).headers().firstValue("Location").orElseThrow())
        .contains("status=connected");
    assertThat(
            server
                .post("/api/integrations/disconnect?integration_type=gmail", token, null)
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> replay = browser.get(callbackPath);

    assertRedirectedWithError(replay, "invalid_state");
    assertThat(entry("gmail").path("status").asText()).isEqualTo("disconnected");
  }

  @Test
  void a_state_whose_code_is_not_accepted_is_refused_and_stores_nothing() {
    HttpResponse<String> connect = browser.connect(token, "gmail");
    String state = Json.parse(connect.body()).path("state").asText();

    HttpResponse<String> callback =
        browser.get(CallbackRoute.PATH + "?code=forged-code&state=" + state);

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .isEqualTo(TestServer.FRONTEND + "?integration=gmail&status=error&error=provider_rejected");
    assertThat(standIns.accounts.tokenCalls).hasSize(1);
    assertThat(entry("gmail").path("status").asText()).isEqualTo("disconnected");
  }

  @Test
  void the_user_refusing_consent_is_reported_and_stores_nothing() {
    HttpResponse<String> connect = browser.connect(token, "gmail");
    String state = Json.parse(connect.body()).path("state").asText();

    HttpResponse<String> callback =
        browser.get(CallbackRoute.PATH + "?error=access_denied&state=" + state);

    assertRedirectedWithError(callback, "access_denied");
    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .contains("integration=gmail");
    assertThat(entry("gmail").path("status").asText()).isEqualTo("disconnected");
    assertThat(
            server.post("/api/integrations/test?integration_type=gmail", token, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_state_refused_once_cannot_be_completed_afterwards() {
    HttpResponse<String> connect = browser.connect(token, "gmail");
    String consentUrl = Json.parse(connect.body()).path("oauth_url").asText();
    String state = Json.parse(connect.body()).path("state").asText();
    browser.get(CallbackRoute.PATH + "?error=access_denied&state=" + state);

    URI back = standIns.consent(consentUrl);
    HttpResponse<String> callback = browser.arriveAt(back);

    assertRedirectedWithError(callback, "invalid_state");
    assertThat(entry("gmail").path("status").asText()).isEqualTo("disconnected");
  }

  @Test
  void an_expired_state_is_refused_and_stores_nothing() throws Exception {
    HttpResponse<String> connect = browser.connect(token, "gmail");
    URI back = standIns.consent(Json.parse(connect.body()).path("oauth_url").asText());
    // Ten minutes cannot be waited for: age the pending request in the server's own database
    // instead.
    try (Connection db = DriverManager.getConnection(server.dbUrl);
        Statement update = db.createStatement()) {
      assertThat(
              update.executeUpdate(
                  "UPDATE oauth_states SET expires_at = DATEADD('MINUTE', -1, CURRENT_TIMESTAMP)"))
          .isEqualTo(1);
    }

    HttpResponse<String> callback = browser.arriveAt(back);

    assertRedirectedWithError(callback, "invalid_state");
    assertThat(entry("gmail").path("status").asText()).isEqualTo("disconnected");
  }

  private void assertRedirectedWithError(HttpResponse<String> callback, String error) {
    assertThat(callback.statusCode()).isEqualTo(302);
    String location = callback.headers().firstValue("Location").orElseThrow();
    assertThat(location)
        .startsWith(TestServer.FRONTEND + "?")
        .contains("status=error")
        .endsWith("error=" + error);
    assertThat(callback.headers().firstValue("Cache-Control")).contains("no-store");
  }

  private JsonNode entry(String type) {
    HttpResponse<String> list = server.get("/api/integrations", token);
    assertThat(list.statusCode()).isEqualTo(200);
    for (JsonNode entry : Json.parse(list.body())) {
      if (entry.path("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no " + type + " in " + list.body());
  }
}
