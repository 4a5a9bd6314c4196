package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The action routes through the real composition root, with Gmail, Drive and Telegram stood in by
 * local servers: what the caller gets back, and what the provider received.
 */
class ActionRoutesTest {
  static StandIns standIns;
  static TestServer server;
  static String ann;

  @BeforeAll
  static void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
    ann = server.token("ann");
    standIns.connectGoogle(server, ann, "gmail");
    standIns.connectGoogle(server, ann, "google_drive");
    standIns.connectTelegram(server, ann);
  }

  @AfterAll
  static void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void gmail_send_delivers_a_mime_message_with_the_right_headers() throws Exception {
    HttpResponse<String> sent =
        server.post(
            "/api/integrations/gmail/messages",
            ann,
            """
        {"to": ["bob@example.com", "Carol <carol@example.com>"], "cc": "dan@example.com",
         "subject": "Quarterly report – Q3 ✓", "body": "Hello Bob,\\nthe numbers are in."}
        """);

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    JsonNode answer = Json.parse(sent.body());
    assertThat(answer.path("id").asText()).isEqualTo("m-sent");
    assertThat(answer.path("thread_id").asText()).isEqualTo("t-sent");

    List<RecordedRequest> calls = standIns.googleCallsTo("/gmail/v1/users/me/messages/send");
    assertThat(calls).hasSize(1);
    String raw =
        Json.parse(calls.get(0).getBody().string(StandardCharsets.UTF_8)).path("raw").asText();
    MimeMessage mime =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(Base64.getUrlDecoder().decode(raw)));
    assertThat(
            Arrays.stream(mime.getRecipients(MimeMessage.RecipientType.TO))
                .map(a -> ((InternetAddress) a).getAddress()))
        .containsExactly("bob@example.com", "carol@example.com");
    assertThat(
            Arrays.stream(mime.getRecipients(MimeMessage.RecipientType.CC))
                .map(a -> ((InternetAddress) a).getAddress()))
        .containsExactly("dan@example.com");
    assertThat(mime.getSubject()).isEqualTo("Quarterly report – Q3 ✓");
    assertThat(mime.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(mime.getContent().toString()).contains("Hello Bob,", "the numbers are in.");
  }

  @Test
  void gmail_list_returns_the_matching_messages_with_their_headers() {
    HttpResponse<String> list =
        server.get("/api/integrations/gmail/messages?q=from%3Abob&max_results=2", ann);

    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode messages = Json.parse(list.body());
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).path("id").asText()).isEqualTo("m1");
    assertThat(messages.get(0).path("from").asText()).isEqualTo("Bob <bob@example.com>");
    assertThat(messages.get(0).path("subject").asText()).isEqualTo("Subject m1");
    assertThat(messages.get(0).path("snippet").asText()).isEqualTo("Snippet of m1");
    assertThat(messages.get(0).path("date").asText()).startsWith("2023-11-14T22:13:20");
    RecordedRequest search = standIns.googleCallsTo("/gmail/v1/users/me/messages").get(0);
    assertThat(search.getUrl().queryParameter("q")).isEqualTo("from:bob");
    assertThat(search.getUrl().queryParameter("maxResults")).isEqualTo("2");
  }

  @Test
  void drive_list_returns_files_and_the_next_page_token() {
    HttpResponse<String> list =
        server.get(
            "/api/integrations/google_drive/files?q=name%20contains%20%27report%27&page_size=5",
            ann);

    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode files = Json.parse(list.body());
    assertThat(files).hasSize(2);
    assertThat(files.get(0).path("name").asText()).isEqualTo("report.pdf");
    assertThat(files.get(0).path("mime_type").asText()).isEqualTo("application/pdf");
    assertThat(files.get(0).path("size").asLong()).isEqualTo(2048);
    assertThat(files.get(0).path("modified_time").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(list.headers().firstValue(ActionRoutes.NEXT_PAGE_HEADER)).contains("page-2");
    RecordedRequest sent = standIns.googleCallsTo("/drive/v3/files").get(0);
    assertThat(sent.getUrl().queryParameter("q")).isEqualTo("name contains 'report'");
    assertThat(sent.getUrl().queryParameter("pageSize")).isEqualTo("5");
  }

  @Test
  void drive_upload_of_a_few_megabytes_arrives_byte_for_byte() throws IOException {
    byte[] file = new byte[5 * 1024 * 1024 + 123];
    new Random(42).nextBytes(file);
    String boundary = "----integrations-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nquarterly.bin\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"parent_id\"\r\n\r\nfolder-7\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"local-name.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> uploaded =
        server.send(
            server
                .request("/api/integrations/google_drive/files", ann)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(Json.parse(uploaded.body()).path("id").asText()).isEqualTo("file-1");
    List<RecordedRequest> calls = standIns.googleCallsTo("/upload/drive/v3/files");
    assertThat(calls).hasSize(1);
    RecordedRequest received = calls.get(0);
    MediaType type = MediaType.get(received.getHeaders().get("Content-Type"));
    try (MultipartReader parts =
        new MultipartReader(new Buffer().write(received.getBody()), type.parameter("boundary"))) {
      MultipartReader.Part metadata = parts.nextPart();
      JsonNode meta = Json.parse(metadata.body().readUtf8());
      assertThat(meta.path("name").asText()).isEqualTo("quarterly.bin");
      assertThat(meta.path("parents").get(0).asText()).isEqualTo("folder-7");
      MultipartReader.Part media = parts.nextPart();
      byte[] arrived = media.body().readByteArray();
      assertThat(arrived.length).isEqualTo(file.length);
      assertThat(Arrays.equals(arrived, file)).as("the uploaded bytes arrive unchanged").isTrue();
    }
  }

  @Test
  void telegram_send_delivers_the_message_and_answers_its_id() {
    HttpResponse<String> sent =
        server.post(
            "/api/integrations/telegram/messages",
            ann,
            "{\"chat_id\": 4711, \"text\": \"Deploy finished ✓\"}");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(Json.parse(sent.body()).path("message_id").asLong()).isEqualTo(42);
    RecordedRequest call = standIns.telegramCallsTo("sendMessage").get(0);
    assertThat(call.getUrl().encodedPath()).isEqualTo("/bot" + StandIns.BOT_TOKEN + "/sendMessage");
    JsonNode params = Json.parse(call.getBody().string(StandardCharsets.UTF_8));
    assertThat(params.path("chat_id").asText()).isEqualTo("4711");
    assertThat(params.path("text").asText()).isEqualTo("Deploy finished ✓");
  }

  @Test
  void telegram_connect_validates_the_token_with_get_me() {
    String carl = server.token("carl");
    int before = standIns.telegramCallsTo("getMe").size();

    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            carl,
            "{\"integration_type\":\"telegram\",\"bot_token\":\"" + StandIns.BOT_TOKEN + "\"}");

    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    assertThat(Json.parse(connect.body()).path("success").asBoolean()).isTrue();
    assertThat(Json.parse(connect.body()).path("message").asText())
        .isEqualTo("Telegram bot connected successfully");
    assertThat(standIns.telegramCallsTo("getMe"))
        .as("one getMe validates the token")
        .hasSize(before + 1);
    assertThat(status(carl, "telegram")).isEqualTo("connected");
  }

  @Test
  void a_malformed_bot_token_is_refused_with_400_and_nothing_is_saved() {
    String dora = server.token("dora");
    int calls = standIns.telegramCalls.size();

    for (String token :
        List.of(
            "not-a-token",
            "123456789",
            ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
            "12:ab/../cd",
            "12:a b")) {
      HttpResponse<String> connect =
          server.post(
              "/api/integrations/connect",
              dora,
              "{\"integration_type\":\"telegram\",\"bot_token\":\"" + token + "\"}");
      assertThat(connect.statusCode()).as(token + " -> " + connect.body()).isEqualTo(400);
      assertThat(Json.parse(connect.body()).path("code").asText()).isEqualTo("invalid_credentials");
      assertThat(connect.body()).doesNotContain(token.length() > 8 ? token : "\u0000");
    }

    assertThat(standIns.telegramCalls).hasSize(calls);
    assertThat(status(dora, "telegram")).isEqualTo("disconnected");
  }

  @Test
  void a_bot_token_telegram_refuses_is_refused_with_400_and_nothing_is_saved() {
    String erin = server.token("erin");

    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            erin,
            "{\"integration_type\":\"telegram\",\"bot_token\":\"987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\"}");

    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(400);
    assertThat(status(erin, "telegram")).isEqualTo("disconnected");
  }

  @Test
  void telegram_connect_without_a_token_keeps_the_original_sentence() {
    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            server.token("fay"),
            "{\"integration_type\":\"telegram\"}");

    assertThat(connect.statusCode()).isEqualTo(400);
    assertThat(Json.parse(connect.body()).path("detail").asText())
        .isEqualTo("bot_token required for Telegram");
    assertThat(Json.parse(connect.body()).path("code").asText()).isEqualTo("bot_token_required");
  }

  private static String status(String token, String type) {
    for (JsonNode entry : Json.parse(server.get("/api/integrations", token).body())) {
      if (entry.path("type").asText().equals(type)) {
        return entry.path("status").asText();
      }
    }
    throw new AssertionError("no " + type);
  }
}
