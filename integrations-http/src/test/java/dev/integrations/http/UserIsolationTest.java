package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route is scoped to the caller: user B, with a valid token of its own, cannot see, test, use
 * or disconnect user A's connections, and A's connections are intact afterwards.
 */
class UserIsolationTest {
  static final List<String> TYPES = List.of("gmail", "google_drive", "telegram");
  static StandIns standIns;
  static TestServer server;
  static String alice;
  static String bob;

  @BeforeAll
  static void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
    alice = server.token("alice");
    bob = server.token("bob");
    standIns.connectGoogle(server, alice, "gmail");
    standIns.connectGoogle(server, alice, "google_drive");
    standIns.connectTelegram(server, alice);
  }

  @AfterAll
  static void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void another_user_cannot_reach_any_connection_and_the_owner_keeps_them() {
    for (String type : TYPES) {
      assertThat(status(alice, type)).as("alice " + type).isEqualTo("connected");
    }
    int providerCalls = standIns.googleCalls.size() + standIns.telegramCalls.size();

    for (String type : TYPES) {
      assertThat(status(bob, type)).as("bob sees " + type).isEqualTo("disconnected");
    }
    List<Supplier<HttpResponse<String>>> attempts =
        List.of(
            () -> server.post("/api/integrations/test?integration_type=gmail", bob, null),
            () -> server.post("/api/integrations/test?integration_type=google_drive", bob, null),
            () -> server.post("/api/integrations/test?integration_type=telegram", bob, null),
            () ->
                server.post(
                    "/api/integrations/gmail/messages",
                    bob,
                    "{\"to\":\"x@example.com\",\"subject\":\"s\",\"body\":\"b\"}"),
            () -> server.get("/api/integrations/gmail/messages?q=secret", bob),
            () -> server.get("/api/integrations/google_drive/files", bob),
            () ->
                server.send(
                    server
                        .request("/api/integrations/google_drive/files", bob)
                        .header("Content-Type", "multipart/form-data; boundary=b")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "--b\r\nContent-Disposition: form-data; name=\"file\"; "
                                    + "filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n"))
                        .build()),
            () ->
                server.post(
                    "/api/integrations/telegram/messages",
                    bob,
                    "{\"chat_id\":4711,\"text\":\"hi\"}"),
            () -> server.post("/api/integrations/disconnect?integration_type=gmail", bob, null),
            () ->
                server.post(
                    "/api/integrations/disconnect?integration_type=google_drive", bob, null),
            () -> server.post("/api/integrations/disconnect?integration_type=telegram", bob, null));
    for (Supplier<HttpResponse<String>> attempt : attempts) {
      HttpResponse<String> response = attempt.get();
      String what =
          response.request().method()
              + " "
              + response.request().uri().getPath()
              + " -> "
              + response.body();
      assertThat(response.statusCode()).as(what).isEqualTo(404);
      assertThat(Json.parse(response.body()).path("code").asText())
          .as(what)
          .isEqualTo("not_connected");
      assertThat(Json.parse(response.body()).path("detail").asText())
          .as(what)
          .isEqualTo("Integration not connected");
    }

    assertThat(standIns.googleCalls.size() + standIns.telegramCalls.size())
        .as("no provider was called with alice's credentials on bob's behalf")
        .isEqualTo(providerCalls);
    for (String type : TYPES) {
      assertThat(status(alice, type)).as("alice " + type + " afterwards").isEqualTo("connected");
      HttpResponse<String> test =
          server.post("/api/integrations/test?integration_type=" + type, alice, null);
      assertThat(Json.parse(test.body()).path("success").asBoolean())
          .as(type + " " + test.body())
          .isTrue();
    }
  }

  @Test
  void the_same_user_id_in_user_id_claim_is_the_same_user_but_a_different_case_is_not() {
    String aliceByClaim =
        com.auth0
            .jwt
            .JWT
            .create()
            .withClaim("user_id", "alice")
            .withExpiresAt(java.time.Instant.now().plusSeconds(60))
            .sign(com.auth0.jwt.algorithms.Algorithm.HMAC256(server.jwtSecret));

    assertThat(status(aliceByClaim, "gmail")).isEqualTo("connected");
    assertThat(status(server.token("Alice"), "gmail")).isEqualTo("disconnected");
  }

  private static String status(String token, String type) {
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
