package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads over INTEGRATIONS_MAX_UPLOAD_BYTES are refused with 413, whether or not they declare a
 * length, and never reach Google; one within it is uploaded.
 */
class UploadLimitTest {
  static final int LIMIT = 200_000;
  static StandIns standIns;
  static TestServer server;
  static String token;

  @BeforeAll
  static void start() {
    standIns = new StandIns();
    Map<String, String> env = standIns.env();
    env.put("INTEGRATIONS_MAX_UPLOAD_BYTES", Integer.toString(LIMIT));
    server = TestServer.start(env);
    token = server.token("ann");
    standIns.connectGoogle(server, token, "google_drive");
  }

  @AfterAll
  static void stop() {
    server.close();
    standIns.close();
  }

  static byte[] multipartHead() {
    return ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] multipartTail() {
    return "\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII);
  }

  static InputStream body(int fileBytes) {
    return new SequenceInputStream(
        new SequenceInputStream(
            new ByteArrayInputStream(multipartHead()),
            new ByteArrayInputStream(new byte[fileBytes])),
        new ByteArrayInputStream(multipartTail()));
  }

  private static HttpResponse<String> upload(HttpRequest.BodyPublisher publisher) {
    return server.send(
        server
            .request("/api/integrations/google_drive/files", token)
            .header("Content-Type", "multipart/form-data; boundary=XyZ")
            .POST(publisher)
            .build());
  }

  @Test
  void a_declared_length_over_the_limit_is_refused_before_reading() throws Exception {
    int size = LIMIT + (int) UploadRoute.MULTIPART_OVERHEAD + 10_000;
    long length = multipartHead().length + size + multipartTail().length;

    // The headers alone, over a plain socket: the answer must come without a byte of the body being
    // sent
    // (a client still writing a body could otherwise miss an answer the server sent early).
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server.port())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST /api/integrations/google_drive/files HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Authorization: Bearer "
              + token
              + "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
              + "Content-Length: "
              + length
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 413 ");
      assertThat(answer).contains("\"code\":\"payload_too_large\"");
    }
  }

  @Test
  void a_streamed_file_over_the_limit_is_refused_while_reading() {
    HttpResponse<String> response =
        upload(HttpRequest.BodyPublishers.ofInputStream(() -> body(LIMIT + 50_000)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(Json.parse(response.body()).path("code").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void a_file_within_the_limit_is_uploaded() {
    HttpResponse<String> response =
        upload(HttpRequest.BodyPublishers.ofInputStream(() -> body(LIMIT - 1000)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Json.parse(response.body()).path("id").asText()).isEqualTo("file-1");
    assertThat(Json.parse(response.body()).path("name").asText()).isEqualTo("big.bin");
    assertThat(standIns.googleCallsTo("/upload/drive/v3/files")).hasSize(1);
  }
}
