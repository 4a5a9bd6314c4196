package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capability routes ({@code /api/integrations/{type}/messages|files}) through the real
 * composition root: the original gmail, google_drive and telegram answers unchanged, {@code
 * unsupported_capability} for a type without the capability, and dispatch for every catalog type
 * that declares one, including a second messages provider ({@link EchoChatPlugin}, added by a
 * providers file) against its own stand-in.
 */
class CapabilityRoutesTest {
  static final String ECHO_TOKEN = "echo-token-0123456789";
  static final String CHAT_BODY = "{\"chat_id\": 4711, \"text\": \"Deploy finished ✓\"}";
  static final String MAIL_BODY =
      "{\"to\": \"bob@example.com\", \"subject\": \"Hi\", \"body\": \"Hello\"}";

  static StandIns standIns;
  static MockWebServer echo;
  static final List<RecordedRequest> echoCalls = new CopyOnWriteArrayList<>();
  static Path catalogFile;
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    standIns = new StandIns();
    echo = new MockWebServer();
    echo.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            echoCalls.add(request);
            return echoAnswer(request);
          }
        });
    echo.start(InetAddress.getLoopbackAddress(), 0);
    catalogFile = Files.createTempFile("providers-", ".yaml");
    Files.writeString(
        catalogFile,
        """
        echo_chat:
          name: Echo Chat
          description: A made-up chat service of the tests
          icon: message-square
          auth: bot_token
          base_url: %s
          credential: {in: header, name: Authorization, format: "Bearer {token}"}
          verify: {method: GET, path: /me, account_id: id, account_name: name}
          capabilities: [messages]
        """
            .formatted(echo.url("/v1").toString()));
    Map<String, String> env = new HashMap<>(standIns.env());
    env.put("INTEGRATIONS_PROVIDERS_FILE", catalogFile.toString());
    server = TestServer.start(env);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    echo.close();
    standIns.close();
    Files.deleteIfExists(catalogFile);
  }

  private static MockResponse echoAnswer(RecordedRequest request) {
    if (!("Bearer " + ECHO_TOKEN).equals(request.getHeaders().get("Authorization"))) {
      return json(401, "{\"error\": \"invalid_token\"}");
    }
    String path = request.getUrl().encodedPath();
    if (path.equals("/v1/me")) {
      return json(200, "{\"id\": \"echo-1\", \"name\": \"echo-bot\"}");
    }
    if (path.equals("/v1/messages") && request.getMethod().equals("POST")) {
      JsonNode body = Json.parse(request.getBody().string(StandardCharsets.UTF_8));
      return body.path("chat_id").asText().equals("4711")
          ? json(200, "{\"id\": 99}")
          : json(404, "{\"error\": \"unknown_chat\"}");
    }
    return json(404, "{\"error\": \"not_found\"}");
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse(status, Headers.of("Content-Type", "application/json"), body);
  }

  @Test
  void the_original_routes_answer_as_they_always_did() {
    String fresh = server.token("fresh-user");

    assertAnswer(
        server.post("/api/integrations/gmail/messages", fresh, MAIL_BODY),
        404,
        "{\"detail\":\"Integration not connected\",\"code\":\"not_connected\"}");
    assertAnswer(
        server.get("/api/integrations/gmail/messages?q=x", fresh),
        404,
        "{\"detail\":\"Integration not connected\",\"code\":\"not_connected\"}");
    assertAnswer(
        server.get("/api/integrations/google_drive/files", fresh),
        404,
        "{\"detail\":\"Integration not connected\",\"code\":\"not_connected\"}");
    assertAnswer(
        server.post("/api/integrations/telegram/messages", fresh, CHAT_BODY),
        404,
        "{\"detail\":\"Integration not connected\",\"code\":\"not_connected\"}");
    assertAnswer(
        server.post(
            "/api/integrations/telegram/messages",
            fresh,
            "{\"chat_id\": \"x y\", \"text\": \"hi\"}"),
        400,
        "{\"detail\":\"chat_id must be a numeric chat id or @channelusername.\",\"code\":\"invalid_request\"}");
    assertAnswer(
        server.get("/api/integrations/gmail/messages?max_results=0", fresh),
        400,
        "{\"detail\":\"max_results must be an integer between 1 and 500.\",\"code\":\"invalid_request\"}");
    assertAnswer(
        server.post("/api/integrations/google_drive/files", fresh, "{}"),
        400,
        "{\"detail\":\"Send the file as multipart/form-data with a 'file' part.\",\"code\":\"invalid_request\"}");
  }

  @Test
  void a_type_without_the_capability_is_refused_naming_what_it_offers() {
    String jwt = server.token("curious-user");

    assertAnswer(
        server.post("/api/integrations/github/messages", jwt, CHAT_BODY),
        400,
        "{\"detail\":\"GitHub cannot send messages; it offers: proxy.\",\"code\":\"unsupported_capability\"}");
    assertAnswer(
        server.get("/api/integrations/telegram/files", jwt),
        400,
        "{\"detail\":\"Telegram cannot list or upload files; it offers: messages, proxy.\",\"code\":\"unsupported_capability\"}");
    assertAnswer(
        server.get("/api/integrations/google_drive/messages", jwt),
        400,
        "{\"detail\":\"Google Drive cannot send or search mail; it offers: files, proxy.\",\"code\":\"unsupported_capability\"}");
    assertAnswer(
        server.post("/api/integrations/google_drive/messages", jwt, "not even json"),
        400,
        "{\"detail\":\"Google Drive cannot send messages; it offers: files, proxy.\",\"code\":\"unsupported_capability\"}");
  }

  @Test
  void an_upload_to_a_type_without_files_is_refused_before_anything_is_sent() {
    String jwt = server.token("uploader");
    standIns.connectGoogle(server, jwt, "gmail");
    int before = standIns.googleCallsTo("/upload/drive/v3/files").size();

    HttpResponse<String> refused =
        server.send(multipart("/api/integrations/gmail/files", jwt, new byte[256 * 1024]));

    assertAnswer(
        refused,
        400,
        "{\"detail\":\"Gmail cannot list or upload files; it offers: mail, proxy.\",\"code\":\"unsupported_capability\"}");
    assertThat(standIns.googleCallsTo("/upload/drive/v3/files")).hasSize(before);
  }

  @Test
  void a_refused_upload_answers_every_time_though_its_body_was_not_used() {
    String jwt = server.token("uploader-again");
    standIns.connectGoogle(server, jwt, "gmail");

    // A connection closed on unread bytes is reset, and the client still sending lost the answer
    // with it (seen once in CI): the body is read and dropped before the refusal.
    for (int i = 0; i < 40; i++) {
      HttpResponse<String> refused =
          server.send(multipart("/api/integrations/gmail/files", jwt, new byte[512 * 1024]));
      assertThat(refused.statusCode()).as("attempt %d", i).isEqualTo(400);
    }
  }

  @Test
  void an_unknown_or_malformed_type_keeps_the_original_sentence() {
    String jwt = server.token("lost-user");
    String invalid =
        "{\"detail\":\"Invalid integration type\",\"code\":\"invalid_integration_type\"}";

    assertAnswer(
        server.post("/api/integrations/no_such_provider/messages", jwt, CHAT_BODY), 400, invalid);
    assertAnswer(server.get("/api/integrations/no_such_provider/messages", jwt), 400, invalid);
    assertAnswer(server.get("/api/integrations/Not-A-Type/files", jwt), 400, invalid);
    assertAnswer(
        server.send(multipart("/api/integrations/no_such_provider/files", jwt, new byte[10])),
        400,
        invalid);
  }

  @Test
  void every_catalog_type_declaring_a_capability_reaches_its_adapter_and_the_others_are_refused() {
    String jwt = server.token("unconnected-user");
    JsonNode catalog = Json.parse(server.get("/api/integrations", jwt).body());
    List<String> dispatched = new ArrayList<>();

    for (JsonNode entry : catalog) {
      String type = entry.path("type").asText();
      List<String> offered = new ArrayList<>();
      entry.path("capabilities").forEach(c -> offered.add(c.asText()));
      boolean messages = offered.contains("messages");
      boolean mail = offered.contains("mail");
      boolean files = offered.contains("files");
      String base = "/api/integrations/" + type;

      assertDispatched(
          server.post(base + "/messages", jwt, messages ? CHAT_BODY : MAIL_BODY),
          messages || mail,
          type);
      assertDispatched(server.get(base + "/messages", jwt), mail, type);
      assertDispatched(server.get(base + "/files", jwt), files, type);
      assertDispatched(server.send(multipart(base + "/files", jwt, new byte[16])), files, type);
      offered.forEach(capability -> dispatched.add(type + ":" + capability));
    }

    assertThat(dispatched)
        .contains("gmail:mail", "google_drive:files", "telegram:messages", "echo_chat:messages");
  }

  @Test
  void one_message_shape_sends_through_two_providers() {
    String jwt = server.token("two-chats");
    standIns.connectTelegram(server, jwt);
    HttpResponse<String> connected =
        server.post(
            "/api/integrations/connect",
            jwt,
            "{\"integration_type\":\"echo_chat\",\"bot_token\":\"" + ECHO_TOKEN + "\"}");
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);

    assertAnswer(
        server.post("/api/integrations/telegram/messages", jwt, CHAT_BODY),
        200,
        "{\"message_id\":42}");
    assertAnswer(
        server.post("/api/integrations/echo_chat/messages", jwt, CHAT_BODY),
        200,
        "{\"message_id\":99}");

    RecordedRequest sent =
        echoCalls.stream()
            .filter(r -> r.getUrl().encodedPath().equals("/v1/messages"))
            .reduce((first, second) -> second)
            .orElseThrow();
    JsonNode body = Json.parse(sent.getBody().string(StandardCharsets.UTF_8));
    assertThat(body.path("chat_id").asText()).isEqualTo("4711");
    assertThat(body.path("text").asText()).isEqualTo("Deploy finished ✓");
    assertAnswer(
        server.post(
            "/api/integrations/echo_chat/messages", jwt, "{\"chat_id\": 5, \"text\": \"hi\"}"),
        400,
        "{\"detail\":\"Echo Chat refused the message: unknown_chat.\",\"code\":\"provider_rejected\"}");
  }

  @Test
  void the_proxy_route_and_unknown_sub_paths_are_not_taken_by_the_action_routes() {
    String jwt = server.token("proxy-user");
    server.post(
        "/api/integrations/connect",
        jwt,
        "{\"integration_type\":\"echo_chat\",\"bot_token\":\"" + ECHO_TOKEN + "\"}");

    HttpResponse<String> me = server.get("/api/integrations/echo_chat/proxy/me", jwt);
    assertAnswer(me, 200, "{\"id\": \"echo-1\", \"name\": \"echo-bot\"}");
    HttpResponse<String> messagesByProxy =
        server.get("/api/integrations/echo_chat/proxy/messages", jwt);
    assertThat(messagesByProxy.statusCode())
        .as("the provider's own 404, passed back")
        .isEqualTo(404);
    assertThat(messagesByProxy.body()).isEqualTo("{\"error\": \"not_found\"}");
    assertThat(server.get("/api/integrations/echo_chat/messages/extra", jwt).statusCode())
        .isEqualTo(404);
    assertThat(ProviderFlows.error(server.get("/api/integrations/echo_chat/files/x", jwt), 404))
        .isEqualTo("not_found");
  }

  private static void assertAnswer(HttpResponse<String> response, int status, String body) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(body);
  }

  private static void assertDispatched(
      HttpResponse<String> response, boolean offered, String type) {
    String code = Json.parse(response.body()).path("code").asText();
    if (offered) {
      assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(404);
      assertThat(code).as(type).isEqualTo("not_connected");
    } else {
      assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(400);
      assertThat(code).as(type).isEqualTo("unsupported_capability");
    }
  }

  private static HttpRequest multipart(String path, String jwt, byte[] file) {
    String boundary = "----capability-routes-boundary";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    return server
        .request(path, jwt)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }
}
