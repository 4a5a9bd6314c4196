package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller sees when the provider says no or fails, when the user grants fewer scopes than
 * asked, and when a connection is disconnected: status codes from the contract, never a 500.
 */
class ProviderAnswersTest {
  private static final String TELEGRAM_REJECTED =
      "Telegram rejected the bot token (Unauthorized). It may have been"
          + " revoked in @BotFather; connect again with a current token.";
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
  void unticked_scopes_are_reported_by_the_callback_and_the_connection_stays_in_error() {
    // The person unticks "Read your email" on Google's consent screen: Google's token answer says
    // so.
    standIns.accounts.grantedScopes = Set.of("https://www.googleapis.com/auth/gmail.send");
    Browser browser = new Browser(server);
    HttpResponse<String> connect = browser.connect(ann, "gmail");
    URI back = standIns.consent(Json.parse(connect.body()).path("oauth_url").asText());

    HttpResponse<String> callback = browser.arriveAt(back);

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .isEqualTo(TestServer.FRONTEND + "?integration=gmail&status=error&error=missing_scopes");
    assertThat(standIns.accounts.tokenCalls).hasSize(1);
    JsonNode gmail = entry("gmail");
    assertThat(gmail.path("status").asText()).as(gmail.toString()).isEqualTo("error");
    assertThat(gmail.path("last_error").asText()).as(gmail.toString()).isEqualTo("missing_scopes");
    assertThat(entry("google_drive").path("status").asText()).isEqualTo("disconnected");
    assertThat(entry("telegram").path("status").asText()).isEqualTo("disconnected");
    HttpResponse<String> test =
        server.post("/api/integrations/test?integration_type=gmail", ann, null);
    assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
    assertThat(Json.parse(test.body()).path("success").asBoolean()).isFalse();
    assertThat(Json.parse(test.body()).path("code").asText()).isEqualTo("missing_scopes");
    assertThat(Json.parse(test.body()).path("message").asText())
        .isEqualTo(
            "Permissions not granted:"
                + " https://www.googleapis.com/auth/gmail.readonly. Connect again and allow every requested permission.");
  }

  @Test
  void disconnect_revokes_at_google_and_the_connection_is_gone() throws Exception {
    standIns.connectGoogle(server, ann, "gmail");

    HttpResponse<String> disconnect =
        server.post("/api/integrations/disconnect?integration_type=gmail", ann, null);

    assertThat(disconnect.statusCode()).as(disconnect.body()).isEqualTo(200);
    JsonNode body = Json.parse(disconnect.body());
    assertThat(body.path("success").asBoolean()).isTrue();
    assertThat(body.path("message").asText()).isEqualTo("gmail disconnected successfully");
    var revoke = standIns.googleCallsTo("/revoke");
    assertThat(revoke).hasSize(1);
    assertThat(revoke.get(0).getMethod()).isEqualTo("POST");
    assertThat(revoke.get(0).getBody().utf8()).startsWith("token=");
    assertThat(standIns.grants.hasLiveGrant(StandIns.ACCOUNT, standIns.clientId()))
        .as("Google ended the grant")
        .isFalse();
    assertThat(status("gmail")).isEqualTo("disconnected");
    assertThat(server.post("/api/integrations/test?integration_type=gmail", ann, null).statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .post("/api/integrations/disconnect?integration_type=gmail", ann, null)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_provider_refusing_the_credentials_makes_the_test_fail_softly() {
    standIns.connectTelegram(server, ann);
    standIns.telegramFailure = 401;

    HttpResponse<String> test =
        server.post("/api/integrations/test?integration_type=telegram", ann, null);

    assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
    JsonNode body = Json.parse(test.body());
    assertThat(body.path("success").asBoolean()).isFalse();
    assertThat(body.path("code").asText()).isEqualTo("credentials_rejected");
    assertThat(body.path("message").asText()).isEqualTo(TELEGRAM_REJECTED);
  }

  @Test
  void a_failing_mail_send_is_a_502_and_is_not_sent_twice() {
    standIns.connectGoogle(server, ann, "gmail");
    standIns.googleFailure = 500;

    HttpResponse<String> sent =
        server.post(
            "/api/integrations/gmail/messages",
            ann,
            "{\"to\":\"bob@example.com\",\"subject\":\"s\",\"body\":\"b\"}");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(502);
    assertThat(Json.parse(sent.body()).path("code").asText()).isEqualTo("provider_error");
    assertThat(standIns.googleCallsTo("/gmail/v1/users/me/messages/send")).hasSize(1);
  }

  @Test
  void google_rejecting_the_access_token_on_an_action_is_a_409_credentials_rejected() {
    standIns.connectGoogle(server, ann, "google_drive");
    standIns.googleFailure = 401;

    HttpResponse<String> list = server.get("/api/integrations/google_drive/files", ann);

    assertThat(list.statusCode()).as(list.body()).isEqualTo(409);
    assertThat(Json.parse(list.body()).path("code").asText()).isEqualTo("credentials_rejected");
  }

  @Test
  void access_removed_at_google_is_a_409_reauthorization_required_and_the_connection_says_so() {
    standIns.connectGoogle(server, ann, "google_drive");
    // The person removes the app at myaccount.google.com/permissions: every token of the grant
    // dies.
    assertThat(standIns.grants.removeAccessOf(StandIns.ACCOUNT)).isEqualTo(1);

    HttpResponse<String> list = server.get("/api/integrations/google_drive/files", ann);

    assertThat(list.statusCode()).as(list.body()).isEqualTo(409);
    assertThat(Json.parse(list.body()).path("code").asText()).isEqualTo("reauthorization_required");
    JsonNode drive = entry("google_drive");
    assertThat(drive.path("status").asText()).as(drive.toString()).isEqualTo("error");
    assertThat(drive.path("last_error").asText())
        .as(drive.toString())
        .isEqualTo("reauthorization_required");
  }

  @Test
  void a_google_rate_limit_is_waited_out_as_retry_after_says_and_the_list_succeeds() {
    standIns.connectGoogle(server, ann, "google_drive");
    standIns.failNextGoogleCalls(429, 1);

    HttpResponse<String> list = server.get("/api/integrations/google_drive/files", ann);

    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(standIns.googleCallsTo("/drive/v3/files")).hasSize(2);
  }

  @Test
  void a_telegram_rate_limit_on_a_send_is_waited_out_as_retry_after_says_and_sent_once() {
    standIns.connectTelegram(server, ann);
    standIns.failNextTelegramCalls(429, 1);

    HttpResponse<String> sent =
        server.post(
            "/api/integrations/telegram/messages", ann, "{\"chat_id\":\"4711\",\"text\":\"hi\"}");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(Json.parse(sent.body()).path("message_id").asLong()).isEqualTo(42);
    assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(2);
  }

  @Test
  void telegram_down_while_connecting_is_a_503_and_nothing_is_saved() {
    standIns.telegramFailure = 503;

    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            ann,
            "{\"integration_type\":\"telegram\",\"bot_token\":\"" + StandIns.BOT_TOKEN + "\"}");

    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(503);
    assertThat(Json.parse(connect.body()).path("code").asText()).isEqualTo("provider_unavailable");
    assertThat(status("telegram")).isEqualTo("disconnected");
  }

  @Test
  void google_not_configured_is_a_clear_503() {
    try (TestServer bare = TestServer.start()) {
      HttpResponse<String> connect =
          bare.post(
              "/api/integrations/connect", bare.token("ann"), "{\"integration_type\":\"gmail\"}");

      assertThat(connect.statusCode()).as(connect.body()).isEqualTo(503);
      assertThat(Json.parse(connect.body()).path("code").asText()).isEqualTo("not_configured");
    }
  }

  private String status(String type) {
    return entry(type).path("status").asText();
  }

  private JsonNode entry(String type) {
    for (JsonNode entry : Json.parse(server.get("/api/integrations", ann).body())) {
      if (entry.path("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no " + type);
  }
}
