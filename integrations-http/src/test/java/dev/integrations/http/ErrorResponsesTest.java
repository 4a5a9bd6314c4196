package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failures that need no provider: every one a 4xx with {"detail", "code"}. */
class ErrorResponsesTest {
  static TestServer server;
  static String token;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    token = server.token("ann");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode error(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = Json.parse(response.body());
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("detail").asText()).isNotBlank();
    return body;
  }

  @Test
  void an_unknown_route_is_a_json_404() {
    error(server.get("/api/nothing-here", token), 404, "not_found");
    error(server.get("/nothing", null), 404, "not_found");
  }

  @Test
  void an_unknown_integration_type_keeps_the_original_sentence() {
    JsonNode body =
        error(
            server.post("/api/integrations/connect", token, "{\"integration_type\":\"myspace\"}"),
            400,
            "invalid_integration_type");
    assertThat(body.path("detail").asText()).startsWith("Invalid integration type");

    error(
        server.post("/api/integrations/connect", token, "{\"integration_type\":\"NOT VALID!\"}"),
        400,
        "invalid_integration_type");
    error(
        server.post("/api/integrations/test?integration_type=myspace", token, null),
        400,
        "invalid_integration_type");
    error(
        server.post("/api/integrations/disconnect?integration_type=myspace", token, null),
        400,
        "invalid_integration_type");
  }

  @Test
  void a_missing_integration_type_is_a_400() {
    error(server.post("/api/integrations/connect", token, "{}"), 400, "invalid_integration_type");
    error(server.post("/api/integrations/test", token, null), 400, "invalid_integration_type");
    error(
        server.post("/api/integrations/disconnect?integration_type=", token, null),
        400,
        "invalid_integration_type");
  }

  @Test
  void malformed_json_names_the_problem_without_echoing_the_input() {
    JsonNode body =
        error(
            server.post("/api/integrations/connect", token, "{\"bot_token\": 123:SECRET-ish}"),
            400,
            "invalid_request");
    assertThat(body.path("detail").asText()).contains("not valid JSON").doesNotContain("SECRET");

    error(server.post("/api/integrations/connect", token, ""), 400, "invalid_request");
    error(server.post("/api/integrations/connect", token, "null"), 400, "invalid_request");
    error(server.post("/api/integrations/connect", token, "[1,2]"), 400, "invalid_request");
    error(
        server.post(
            "/api/integrations/connect", token, "{\"integration_type\":\"telegram\"} trailing"),
        400,
        "invalid_request");
  }

  @Test
  void wrong_types_name_the_field() {
    JsonNode body =
        error(
            server.post("/api/integrations/connect", token, "{\"integration_type\": {\"a\": 1}}"),
            400,
            "invalid_request");
    assertThat(body.path("detail").asText()).contains("integration_type");

    JsonNode chat =
        error(
            server.post(
                "/api/integrations/telegram/messages",
                token,
                "{\"chat_id\": 1, \"text\": \"hi\", \"disable_notification\": \"loud\"}"),
            400,
            "invalid_request");
    assertThat(chat.path("detail").asText()).contains("disable_notification");
  }

  @Test
  void missing_fields_are_reported_before_any_provider_is_asked() {
    error(
        server.post("/api/integrations/telegram/messages", token, "{\"text\": \"hi\"}"),
        400,
        "invalid_request");
    error(
        server.post(
            "/api/integrations/telegram/messages",
            token,
            "{\"chat_id\": \"not a chat\", \"text\": \"hi\"}"),
        400,
        "invalid_request");
    error(
        server.post(
            "/api/integrations/gmail/messages", token, "{\"subject\": \"s\", \"body\": \"b\"}"),
        400,
        "invalid_request");
    error(
        server.post(
            "/api/integrations/gmail/messages",
            token,
            "{\"to\": \"a@example.com\", \"subject\": \"a\\r\\nBcc: x\", \"body\": \"b\"}"),
        400,
        "invalid_request");
  }

  @Test
  void integers_in_query_strings_are_checked() {
    for (String bad :
        new String[] {"abc", "0", "-1", "501", "1.5", "99999999999999999999", "%20"}) {
      JsonNode body =
          error(
              server.get("/api/integrations/gmail/messages?max_results=" + bad, token),
              400,
              "invalid_request");
      assertThat(body.path("detail").asText()).contains("max_results");
    }
    for (String bad : new String[] {"x", "0", "1001"}) {
      error(
          server.get("/api/integrations/google_drive/files?page_size=" + bad, token),
          400,
          "invalid_request");
    }
    error(
        server.get("/api/integrations/gmail/messages?max_results=1&max_results=2", token),
        400,
        "invalid_request");
  }

  @Test
  void a_json_body_over_the_limit_is_a_413() {
    String huge =
        "{\"integration_type\":\"telegram\",\"bot_token\":\"" + "x".repeat(1_100_000) + "\"}";

    error(server.post("/api/integrations/connect", token, huge), 413, "payload_too_large");
  }

  @Test
  void an_upload_that_is_not_multipart_is_a_400() {
    error(
        server.send(
            server
                .request("/api/integrations/google_drive/files", token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("raw bytes"))
                .build()),
        400,
        "invalid_request");
  }

  @Test
  void a_callback_without_a_known_state_redirects_with_an_error() {
    HttpResponse<String> response =
        server.get("/api/integrations/callback?state=unknown&code=abc", null);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .contains(TestServer.FRONTEND + "?status=error&error=invalid_state");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");

    HttpResponse<String> denied =
        server.get("/api/integrations/callback?state=unknown&error=access_denied", null);
    assertThat(denied.statusCode()).isEqualTo(302);
    assertThat(denied.headers().firstValue("Location").orElseThrow()).contains("status=error");

    HttpResponse<String> empty = server.get("/api/integrations/callback", null);
    assertThat(empty.headers().firstValue("Location"))
        .contains(TestServer.FRONTEND + "?status=error&error=invalid_state");
  }
}
