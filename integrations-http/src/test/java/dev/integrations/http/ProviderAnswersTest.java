package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller sees when the provider says no or fails, when the user grants fewer scopes than asked,
 * and when a connection is disconnected: status codes from the contract, never a 500.
 */
class ProviderAnswersTest {
  StandIns standIns;
  TestServer server;
  String ann;

  @BeforeEach
  void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
    ann = server.token("ann");
  }

  @AfterEach
  void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void unticked_scopes_are_reported_by_the_callback_and_nothing_is_stored() {
    // mock-oauth2-server echoes no scope in its token answer (then the requested ones count as granted,
    // RFC 6749 5.1), so a scripted token endpoint says what Google says when the user unticked Gmail.
    Map<String, String> env = new HashMap<>(standIns.env());
    env.put("GOOGLE_TOKEN_URI", standIns.google.url("/token").toString());
    standIns.scriptedGrantedScope = "openid https://www.googleapis.com/auth/userinfo.email";
    try (TestServer scripted = TestServer.start(env)) {
      String token = scripted.token("ann");
      Browser browser = new Browser(scripted);
      HttpResponse<String> connect = browser.connect(token, "gmail");
      String state = Json.parse(connect.body()).path("state").asText();

      HttpResponse<String> callback = browser.get(CallbackRoute.PATH + "?code=4%2F0Ab-code&state=" + state);

      assertThat(callback.statusCode()).isEqualTo(302);
      assertThat(callback.headers().firstValue("Location").orElseThrow())
          .contains("integration=gmail", "status=error", "error=missing_scopes");
      assertThat(standIns.googleCallsTo("/token")).hasSize(1);
      for (JsonNode entry : Json.parse(scripted.get("/api/integrations", token).body())) {
        assertThat(entry.path("status").asText()).as(entry.toString()).isNotEqualTo("connected");
      }
    }
  }

  @Test
  void disconnect_revokes_at_google_and_the_connection_is_gone() throws Exception {
    standIns.connectGoogle(server, ann, "gmail");

    HttpResponse<String> disconnect = server.post("/api/integrations/disconnect?integration_type=gmail", ann, null);

    assertThat(disconnect.statusCode()).as(disconnect.body()).isEqualTo(200);
    JsonNode body = Json.parse(disconnect.body());
    assertThat(body.path("success").asBoolean()).isTrue();
    assertThat(body.path("message").asText()).isEqualTo("gmail disconnected successfully");
    var revoke = standIns.googleCallsTo("/revoke");
    assertThat(revoke).hasSize(1);
    assertThat(revoke.get(0).getMethod()).isEqualTo("POST");
    assertThat(revoke.get(0).getBody().utf8()).startsWith("token=");
    assertThat(status("gmail")).isEqualTo("disconnected");
    assertThat(server.post("/api/integrations/test?integration_type=gmail", ann, null).statusCode()).isEqualTo(404);
    assertThat(server.post("/api/integrations/disconnect?integration_type=gmail", ann, null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_provider_refusing_the_credentials_makes_the_test_fail_softly() {
    standIns.connectTelegram(server, ann);
    standIns.telegramFailure = 401;

    HttpResponse<String> test = server.post("/api/integrations/test?integration_type=telegram", ann, null);

    assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
    JsonNode body = Json.parse(test.body());
    assertThat(body.path("success").asBoolean()).isFalse();
    assertThat(body.path("code").asText()).isNotBlank();
    assertThat(body.path("message").asText()).isNotBlank();
  }

  @Test
  void a_failing_mail_send_is_a_502_and_is_not_sent_twice() {
    standIns.connectGoogle(server, ann, "gmail");
    standIns.googleFailure = 500;

    HttpResponse<String> sent = server.post("/api/integrations/gmail/messages", ann,
        "{\"to\":\"bob@example.com\",\"subject\":\"s\",\"body\":\"b\"}");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(502);
    assertThat(Json.parse(sent.body()).path("code").asText()).isEqualTo("provider_error");
    assertThat(standIns.googleCallsTo("/gmail/v1/users/me/messages/send")).hasSize(1);
  }

  @Test
  void google_rejecting_the_access_token_on_an_action_is_not_a_500() {
    standIns.connectGoogle(server, ann, "google_drive");
    standIns.googleFailure = 401;

    HttpResponse<String> list = server.get("/api/integrations/google_drive/files", ann);

    assertThat(list.statusCode()).as(list.body()).isBetween(400, 499);
    assertThat(Json.parse(list.body()).path("code").asText()).isNotBlank();
  }

  @Test
  void telegram_down_while_connecting_is_a_503_or_502_and_nothing_is_saved() {
    standIns.telegramFailure = 503;

    HttpResponse<String> connect = server.post("/api/integrations/connect", ann,
        "{\"integration_type\":\"telegram\",\"bot_token\":\"" + StandIns.BOT_TOKEN + "\"}");

    assertThat(connect.statusCode()).as(connect.body()).isIn(502, 503);
    assertThat(status("telegram")).isEqualTo("disconnected");
  }

  @Test
  void google_not_configured_is_a_clear_503() {
    try (TestServer bare = TestServer.start()) {
      HttpResponse<String> connect = bare.post("/api/integrations/connect", bare.token("ann"), "{\"integration_type\":\"gmail\"}");

      assertThat(connect.statusCode()).as(connect.body()).isEqualTo(503);
      assertThat(Json.parse(connect.body()).path("code").asText()).isEqualTo("not_configured");
    }
  }

  private String status(String type) {
    for (JsonNode entry : Json.parse(server.get("/api/integrations", ann).body())) {
      if (entry.path("type").asText().equals(type)) {
        return entry.path("status").asText();
      }
    }
    throw new AssertionError("no " + type);
  }
}
