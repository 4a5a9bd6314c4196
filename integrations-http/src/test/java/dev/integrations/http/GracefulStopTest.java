package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** stop() lets a request in flight finish, and refuses new connections. */
class GracefulStopTest {

  @Test
  void a_request_in_flight_finishes_during_stop() throws Exception {
    TestServer server = TestServer.start();
    int port = server.server.port();
    String body = "{\"integration_type\": \"no_such_type\"}";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/integrations/connect HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + server.token("ann") + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300); // the handler is now waiting for the rest of the body

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      // The client keeps sending, slowly, for longer than a request normally takes.
      for (int i = 10; i < body.length(); i++) {
        out.write(body.charAt(i));
        out.flush();
        Thread.sleep(60);
        if (i == 20) {
          assertThat(stopping).isNotDone();
          assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
        }
      }
      String response = read(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 400").contains("invalid_integration_type");
      stopping.get(20, TimeUnit.SECONDS);
    }
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) != -1) {
      bytes.write(buffer, 0, n);
      if (bytes.toString(StandardCharsets.UTF_8).contains("}")) {
        break;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
