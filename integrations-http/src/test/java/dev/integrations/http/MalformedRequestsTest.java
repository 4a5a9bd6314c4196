package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A few hundred malformed requests: each gets a 4xx, none a 5xx, and Javalin's answers are JSON
 * errors.
 */
class MalformedRequestsTest {
  static TestServer server;
  static String token;

  static final List<String> JSON_ROUTES =
      List.of(
          "/api/integrations/connect",
          "/api/integrations/gmail/messages",
          "/api/integrations/telegram/messages");

  static final List<String> BODIES =
      List.of(
          "",
          " ",
          "{",
          "}",
          "[",
          "[]",
          "null",
          "true",
          "0",
          "-1",
          "1e999999",
          "\"string\"",
          "{}",
          "{\"a\":}",
          "{\"integration_type\":}",
          "{\"integration_type\": null}",
          "{\"integration_type\": 12}",
          "{\"integration_type\": [\"telegram\"]}",
          "{\"integration_type\": true}",
          "{\"integration_type\": \"telegram\", \"integration_type\": \"gmail\"}",
          "{\"integration_type\": \"\\u0000\"}",
          "{\"integration_type\": \"../../etc/passwd\"}",
          "{\"integration_type\": \"" + "a".repeat(10_000) + "\"}",
          "{\"to\": 5, \"body\": []}",
          "{\"to\": [null], \"body\": \"b\"}",
          "{\"to\": [\"\"], \"body\": \"b\"}",
          "{\"to\": [\"a@example.com\"], \"body\": null}",
          "{\"to\": {\"x\": 1}, \"body\": \"b\"}",
          "{\"chat_id\": {}, \"text\": \"t\"}",
          "{\"chat_id\": 1, \"text\": \"\"}",
          "{\"chat_id\": 1, \"text\": 5}",
          "{\"chat_id\": 1, \"text\": \"" + "x".repeat(70_000) + "\"}",
          "{\"chat_id\": 1, \"text\": \"t\", \"parse_mode\": \"bbcode\"}",
          "{\"chat_id\": 1.5e300, \"text\": \"t\"}",
          "{\"chat_id\": \"@x\", \"text\": \"t\"}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"a\":".repeat(200) + "1" + "}".repeat(200),
          "{'single': 'quotes'}",
          "{\"unterminated\": \"abc",
          "\uFEFF{}",
          "{\"a\": NaN}",
          "/* comment */ {}");

  static final List<String> QUERIES =
      List.of(
          "max_results=abc",
          "max_results=",
          "max_results=-0",
          "max_results=+5x",
          "max_results=0x10",
          "max_results=1&max_results=2",
          "page_size=%31%30%30%30%30",
          "page_size=1e3",
          "page_size=9223372036854775808",
          "integration_type=%00",
          "integration_type=telegram%0d%0aX:1",
          "integration_type=GMAIL",
          "integration_type=" + "a".repeat(100),
          "integration_type=telegram&integration_type=gmail",
          "q=" + "x".repeat(3000),
          "page_token=" + "y".repeat(3000),
          "max_results=%zz",
          "q=%",
          "q=%%",
          "q=%e9",
          "q=%c3%28",
          "max_results=%ef%bf%bf",
          "=&=&=",
          "&&&&",
          "max_results",
          "max_results=1;2",
          "a[b]=c");

  @BeforeAll
  static void start() {
    server = TestServer.start();
    token = server.token("ann");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void malformed_bodies_get_a_4xx_json_error() {
    int count = 0;
    for (String route : JSON_ROUTES) {
      for (String body : BODIES) {
        HttpResponse<String> response = server.post(route, token, body);
        assertClientError(
            response.statusCode(), response.body(), "POST " + route + " " + abbreviate(body));
        assertThat(Json.parse(response.body()).path("code").asText()).isNotBlank();
        count++;
      }
    }
    assertThat(count).isGreaterThan(100);
  }

  @Test
  void invalid_utf8_and_odd_content_types_get_a_4xx() {
    byte[] invalidUtf8 = {
      '{',
      '"',
      'i',
      'n',
      't',
      'e',
      'g',
      'r',
      'a',
      't',
      'i',
      'o',
      'n',
      '_',
      't',
      'y',
      'p',
      'e',
      '"',
      ':',
      '"',
      (byte) 0xC3,
      (byte) 0x28,
      '"',
      '}'
    };
    for (String route : JSON_ROUTES) {
      for (String type :
          List.of(
              "application/json",
              "text/plain",
              "application/x-www-form-urlencoded",
              "multipart/form-data",
              "")) {
        HttpRequest.Builder request =
            server.request(route, token).POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8));
        if (!type.isEmpty()) {
          request.header("Content-Type", type);
        }
        HttpResponse<String> response = server.send(request.build());
        assertClientError(response.statusCode(), response.body(), "POST " + route + " as " + type);
      }
    }
  }

  @Test
  void odd_query_strings_get_a_4xx() throws IOException {
    List<String> routes =
        List.of(
            "GET /api/integrations/gmail/messages",
            "GET /api/integrations/google_drive/files",
            "POST /api/integrations/test",
            "POST /api/integrations/disconnect");
    int count = 0;
    for (String route : routes) {
      for (String query : QUERIES) {
        String[] parts = route.split(" ");
        String status =
            raw(
                parts[0]
                    + " "
                    + parts[1]
                    + "?"
                    + query
                    + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer "
                    + token
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        int code = Integer.parseInt(status.substring(9, 12));
        assertThat(code).as(route + "?" + abbreviate(query) + " -> " + status).isBetween(400, 499);
        count++;
      }
    }
    assertThat(count).isGreaterThan(100);
  }

  @Test
  void odd_paths_and_methods_get_a_4xx() throws IOException {
    List<String> lines =
        List.of(
            "GET /api/integrations/%2e%2e/%2e%2e/etc/passwd",
            "GET /api/integrations/..;/x",
            "GET /api//integrations/x",
            "GET /api/integrations/%00",
            "GET /%",
            "GET /docs/..%2f..%2fopenapi.json",
            "GET /docs/index.html",
            "GET /docs/swagger-ui.js.map",
            "GET /docs/%2e%2e",
            "DELETE /api/integrations",
            "PUT /api/integrations/connect",
            "PATCH /api/integrations/test",
            "TRACE /api/integrations",
            "GET /api/integrations/callback?state=%zz&code=1",
            "GET /api/integrations/callback?state=" + "s".repeat(5000) + "&code=1");
    for (String line : lines) {
      String status =
          raw(
              line
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      int code = Integer.parseInt(status.substring(9, 12));
      assertThat(code).as(line + " -> " + status).isLessThan(500);
      if (!line.contains("callback")) {
        assertThat(code).as(line + " -> " + status).isBetween(400, 499);
      }
    }
  }

  @Test
  void bad_multipart_bodies_get_a_4xx() {
    List<String> bodies =
        List.of(
            "",
            "not multipart at all",
            "--b\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc",
            "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nabc\r\n--b--\r\n",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\nabc\r\n--b--\r\n");
    for (String body : bodies) {
      for (String type :
          List.of(
              "multipart/form-data; boundary=b",
              "multipart/form-data",
              "multipart/form-data; boundary=")) {
        HttpResponse<String> response =
            server.send(
                server
                    .request("/api/integrations/google_drive/files", token)
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        assertClientError(response.statusCode(), response.body(), type + " " + abbreviate(body));
      }
    }
  }

  private static void assertClientError(int status, String body, String what) {
    assertThat(status).as(what + " -> " + status + " " + body).isBetween(400, 499);
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        line.write(b);
      }
      return line.toString(StandardCharsets.ISO_8859_1).strip();
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
  }
}
