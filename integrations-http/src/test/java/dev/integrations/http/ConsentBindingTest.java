package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consent completes only for the person who started it (RFC 9700 section 4.7), over real sockets
 * through the real server: M (mallory) makes a consent URL, V (victor) consents in his own browser.
 */
class ConsentBindingTest {
  private static final String TOKEN_PATH = "/google/token";

  StandIns standIns;
  TestServer server;
  String mallory;
  String victor;
  Browser mallorysBrowser;
  Browser victorsBrowser;

  @BeforeEach
  void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
    mallory = server.token("mallory");
    victor = server.token("victor");
    mallorysBrowser = new Browser(server);
    victorsBrowser = new Browser(server);
  }

  @AfterEach
  void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void a_consent_url_made_for_m_and_completed_in_v_s_browser_connects_nothing_for_m_and_says_why() {
    String consentUrl = oauthUrl(mallorysBrowser.connect(mallory, "gmail"));

    URI back = standIns.consent(consentUrl);
    HttpResponse<String> callback = victorsBrowser.arriveAt(back);

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location"))
        .contains(TestServer.FRONTEND + "?integration=gmail&status=error&error=consent_mismatch");
    assertThat(standIns.takeOAuthRequestPaths())
        .as("nothing was exchanged")
        .doesNotContain(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");
    assertThat(status(victor, "gmail")).isEqualTo("disconnected");

    // Should V's return URL reach M later, M's own browser, cookie and all, cannot redeem it
    // either.
    HttpResponse<String> replay = mallorysBrowser.arriveAt(back);
    assertThat(replay.headers().firstValue("Location").orElseThrow())
        .endsWith("status=error&error=invalid_state");
    assertThat(standIns.takeOAuthRequestPaths()).doesNotContain(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");
  }

  @Test
  void the_browser_that_started_the_consent_still_connects() {
    String consentUrl = oauthUrl(mallorysBrowser.connect(mallory, "gmail"));

    HttpResponse<String> callback = mallorysBrowser.arriveAt(standIns.consent(consentUrl));

    assertThat(callback.headers().firstValue("Location"))
        .contains(TestServer.FRONTEND + "?integration=gmail&status=connected");
    assertThat(standIns.takeOAuthRequestPaths()).containsOnlyOnce(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("connected");
    assertThat(mallorysBrowser.cookiesFor(CallbackRoute.PATH))
        .as("the spent binding is cleared")
        .isEmpty();
  }

  @Test
  void connect_gives_the_browser_a_short_lived_http_only_lax_cookie_for_the_callback_only() {
    HttpResponse<String> connect = mallorysBrowser.connect(mallory, "gmail");

    JsonNode pending = Json.parse(connect.body());
    assertThat(pending.path("completion").asText()).isEqualTo("browser");
    String setCookie = connect.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(ConsentCookie.name(pending.path("state").asText()) + "=")
        .contains("; Path=" + CallbackRoute.PATH + ";", "; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Secure", pending.path("state").asText());
    assertThat(Long.parseLong(setCookie.replaceAll(".*Max-Age=(\\d+).*", "$1")))
        .isBetween(595L, 600L);
    assertThat(mallorysBrowser.cookiesFor("/api/integrations")).as("not sent to the API").isEmpty();
    assertThat(mallorysBrowser.cookiesFor(CallbackRoute.PATH)).hasSize(1);
  }

  @Test
  void the_cookie_is_secure_when_the_public_url_is_https() {
    Map<String, String> env = new HashMap<>(standIns.env());
    env.put("INTEGRATIONS_PUBLIC_URL", "https://integrations.test/base");
    try (TestServer https = TestServer.start(env)) {
      HttpResponse<String> connect =
          https.post(
              "/api/integrations/connect",
              https.token("mallory"),
              "{\"integration_type\":\"gmail\"}");

      assertThat(connect.headers().firstValue("Set-Cookie").orElseThrow())
          .contains("; Path=/base" + CallbackRoute.PATH + ";")
          .endsWith("; Secure");
    }
  }

  @Test
  void a_callback_without_the_cookie_is_refused() {
    String consentUrl = oauthUrl(mallorysBrowser.connect(mallory, "gmail"));
    mallorysBrowser.cookies.getCookieStore().removeAll();

    HttpResponse<String> callback = mallorysBrowser.arriveAt(standIns.consent(consentUrl));

    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .endsWith("status=error&error=consent_mismatch");
    assertThat(standIns.takeOAuthRequestPaths()).doesNotContain(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");
  }

  @Test
  void a_callback_with_a_wrong_cookie_is_refused() {
    HttpResponse<String> connect = mallorysBrowser.connect(mallory, "gmail");
    String state = Json.parse(connect.body()).path("state").asText();
    mallorysBrowser.cookies.getCookieStore().removeAll();
    HttpCookie forged = new HttpCookie(ConsentCookie.name(state), "guessed-binding-value");
    forged.setPath(CallbackRoute.PATH);
    forged.setVersion(0);
    mallorysBrowser.cookies.getCookieStore().add(server.uri(CallbackRoute.PATH), forged);

    HttpResponse<String> callback = mallorysBrowser.arriveAt(standIns.consent(oauthUrl(connect)));

    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .endsWith("status=error&error=consent_mismatch");
    assertThat(standIns.takeOAuthRequestPaths()).doesNotContain(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");
  }

  @Test
  void another_consents_cookie_does_not_complete_this_one() {
    String gmailUrl = oauthUrl(mallorysBrowser.connect(mallory, "gmail"));
    Browser other = new Browser(server);
    other.connect(mallory, "google_drive");

    HttpResponse<String> callback = other.arriveAt(standIns.consent(gmailUrl));

    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .endsWith("status=error&error=consent_mismatch");
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");
  }

  @Test
  void an_expired_binding_is_refused_even_with_the_right_cookie() throws Exception {
    String consentUrl = oauthUrl(mallorysBrowser.connect(mallory, "gmail"));
    URI back = standIns.consent(consentUrl);
    // Ten minutes cannot be waited for: age the pending request in the server's own database
    // instead.
    try (Connection db = DriverManager.getConnection(server.dbUrl);
        Statement update = db.createStatement()) {
      assertThat(
              update.executeUpdate(
                  "UPDATE oauth_states SET expires_at = DATEADD('MINUTE', -1, CURRENT_TIMESTAMP)"))
          .isEqualTo(1);
    }
    assertThat(mallorysBrowser.cookiesFor(CallbackRoute.PATH))
        .as("the browser still has it")
        .hasSize(1);

    HttpResponse<String> callback = mallorysBrowser.arriveAt(back);

    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .endsWith("status=error&error=invalid_state");
    assertThat(standIns.takeOAuthRequestPaths()).doesNotContain(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");
  }

  @Test
  void api_completion_stores_nothing_at_the_callback_and_the_starting_users_jwt_completes_it() {
    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            mallory,
            "{\"integration_type\":\"gmail\",\"completion\":\"api\"}");
    assertThat(Json.parse(connect.body()).path("completion").asText()).isEqualTo("api");
    assertThat(connect.headers().firstValue("Set-Cookie")).as("no browser to bind").isEmpty();

    String handle = pendingHandle(victorsBrowser.arriveAt(standIns.consent(oauthUrl(connect))));
    assertThat(standIns.takeOAuthRequestPaths())
        .as("parked, not exchanged")
        .doesNotContain(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");

    HttpResponse<String> complete = complete(mallory, handle);

    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
    JsonNode done = Json.parse(complete.body());
    assertThat(done.path("success").asBoolean()).isTrue();
    assertThat(done.path("message").asText()).isEqualTo("Gmail connected successfully");
    assertThat(done.path("integration_type").asText()).isEqualTo("gmail");
    assertThat(standIns.takeOAuthRequestPaths()).containsOnlyOnce(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("connected");
  }

  @Test
  void api_completion_with_another_users_jwt_is_refused_and_nothing_is_stored() {
    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            mallory,
            "{\"integration_type\":\"gmail\",\"completion\":\"api\"}");
    String handle = pendingHandle(victorsBrowser.arriveAt(standIns.consent(oauthUrl(connect))));

    HttpResponse<String> byVictor = complete(victor, handle);
    HttpResponse<String> byMalloryAfterwards = complete(mallory, handle);

    assertThat(byVictor.statusCode()).isEqualTo(403);
    assertThat(Json.parse(byVictor.body()).path("code").asText()).isEqualTo("consent_mismatch");
    assertThat(byMalloryAfterwards.statusCode()).isEqualTo(400);
    assertThat(Json.parse(byMalloryAfterwards.body()).path("code").asText())
        .isEqualTo("invalid_state");
    assertThat(standIns.takeOAuthRequestPaths()).doesNotContain(TOKEN_PATH);
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");
    assertThat(status(victor, "gmail")).isEqualTo("disconnected");
  }

  @Test
  void the_state_is_not_a_completion_handle() {
    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            mallory,
            "{\"integration_type\":\"gmail\",\"completion\":\"api\"}");
    String state = Json.parse(connect.body()).path("state").asText();
    pendingHandle(victorsBrowser.arriveAt(standIns.consent(oauthUrl(connect))));

    HttpResponse<String> complete = complete(mallory, state);

    assertThat(complete.statusCode()).isEqualTo(400);
    assertThat(Json.parse(complete.body()).path("code").asText()).isEqualTo("invalid_state");
    assertThat(status(mallory, "gmail")).isEqualTo("disconnected");
  }

  @Test
  void malformed_completion_requests_are_refused_with_a_sentence() {
    HttpResponse<String> noHandle = server.post("/api/integrations/complete", mallory, "{}");
    HttpResponse<String> badMode =
        server.post(
            "/api/integrations/connect",
            mallory,
            "{\"integration_type\":\"gmail\",\"completion\":\"caller\"}");

    assertThat(noHandle.statusCode()).isEqualTo(400);
    assertThat(Json.parse(noHandle.body()).path("detail").asText()).contains("handle is required");
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(Json.parse(badMode.body()).path("code").asText()).isEqualTo("invalid_request");
    assertThat(Json.parse(badMode.body()).path("detail").asText())
        .contains("\"browser\" or \"api\"");
  }

  private HttpResponse<String> complete(String token, String handle) {
    return server.post("/api/integrations/complete", token, "{\"handle\":\"" + handle + "\"}");
  }

  private static String pendingHandle(HttpResponse<String> callback) {
    assertThat(callback.statusCode()).isEqualTo(302);
    HttpUrl location = HttpUrl.get(callback.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString())
        .startsWith(TestServer.FRONTEND + "?integration=gmail&status=pending&handle=");
    return location.queryParameter("handle");
  }

  private static String oauthUrl(HttpResponse<String> connect) {
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    return Json.parse(connect.body()).path("oauth_url").asText();
  }

  private String status(String token, String type) {
    HttpResponse<String> list = server.get("/api/integrations", token);
    assertThat(list.statusCode()).isEqualTo(200);
    for (JsonNode entry : Json.parse(list.body())) {
      if (entry.path("type").asText().equals(type)) {
        return entry.path("status").asText();
      }
    }
    throw new AssertionError("no " + type + " in " + list.body());
  }
}
