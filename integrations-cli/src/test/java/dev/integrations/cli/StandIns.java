package dev.integrations.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.Headers;

/**
 * Local stand-ins for every provider endpoint: the Telegram Bot API and the Gmail and Drive APIs on
 * MockWebServers, Google's authorization and token endpoints on mock-oauth2-server (a real OAuth 2.0
 * server that checks PKCE). Switches make them refuse credentials or requests.
 */
final class StandIns implements AutoCloseable {
  static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  static final String ACCOUNT = "ann@example.com";
  private static final Pattern BOT_PATH = Pattern.compile("/bot([^/]+)/(\\w+)");

  final MockWebServer telegram = new MockWebServer();
  final MockWebServer google = new MockWebServer();
  final MockOAuth2Server oauth = new MockOAuth2Server();
  final List<RecordedRequest> telegramCalls = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> googleCalls = new CopyOnWriteArrayList<>();
  volatile boolean botTokenRevoked;
  volatile boolean googleRejectsTokens;
  volatile boolean telegramDown;

  StandIns() throws IOException {
    telegram.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        telegramCalls.add(request);
        return telegram(request);
      }
    });
    google.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        googleCalls.add(request);
        return google(request);
      }
    });
    telegram.start(InetAddress.getLoopbackAddress(), 0);
    google.start(InetAddress.getLoopbackAddress(), 0);
    oauth.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** A runner whose every provider endpoint is one of these stand-ins. */
  CliRunner runner(Path data) {
    return new CliRunner(data)
        .env("TELEGRAM_API_URL", telegram.url("/").toString())
        .env("GOOGLE_API_ROOT_URL", google.url("/").toString())
        .env("GOOGLE_REVOKE_URI", google.url("/revoke").toString())
        .env("GOOGLE_AUTH_URI", oauth.authorizationEndpointUrl("google").toString())
        .env("GOOGLE_TOKEN_URI", oauth.tokenEndpointUrl("google").toString())
        .env("GOOGLE_CLIENT_ID", "cli-test-client.apps.googleusercontent.com")
        .env("GOOGLE_CLIENT_SECRET", "cli-test-client-secret");
  }

  private MockResponse telegram(RecordedRequest request) {
    Matcher path = BOT_PATH.matcher(request.getUrl().encodedPath());
    if (!path.matches()) {
      return json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }
    if (telegramDown) {
      return json(502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
    }
    if (botTokenRevoked || !path.group(1).equals(BOT_TOKEN)) {
      return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    return switch (path.group(2)) {
      case "getMe" -> ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Alerts\",\"username\":\"alerts_bot\"}");
      case "sendMessage" -> body.contains("404")
          ? json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}")
          : ok("{\"message_id\":42,\"date\":1700000000,\"chat\":{\"id\":4711},\"text\":\"hi\"}");
      default -> ok("true");
    };
  }

  private MockResponse google(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/revoke")) {
      return json(200, "{}");
    }
    if (googleRejectsTokens) {
      return json(401, "{\"error\": {\"code\": 401, \"message\": \"Invalid Credentials\", "
          + "\"status\": \"UNAUTHENTICATED\", \"errors\": [{\"reason\": \"authError\", \"message\": \"Invalid Credentials\"}]}}");
    }
    if (path.equals("/gmail/v1/users/me/profile")) {
      return json(200, "{\"emailAddress\": \"" + ACCOUNT + "\", \"messagesTotal\": 2, \"historyId\": \"1\"}");
    }
    if (path.equals("/gmail/v1/users/me/messages/send")) {
      return json(200, "{\"id\": \"m-sent\", \"threadId\": \"t-sent\"}");
    }
    if (path.equals("/gmail/v1/users/me/messages")) {
      return json(200, "{\"messages\": [{\"id\": \"m1\", \"threadId\": \"t1\"}, {\"id\": \"m2\", \"threadId\": \"t2\"}],"
          + " \"resultSizeEstimate\": 2}");
    }
    if (path.startsWith("/gmail/v1/users/me/messages/")) {
      String id = path.substring(path.lastIndexOf('/') + 1);
      return json(200, """
          {"id": "%s", "threadId": "t-%s", "snippet": "Snippet of %s", "internalDate": "1700000000000",
           "payload": {"headers": [
             {"name": "From", "value": "Bob <bob@example.com>"},
             {"name": "Subject", "value": "Subject %s"}]}}
          """.formatted(id, id, id, id));
    }
    if (path.equals("/drive/v3/about")) {
      return json(200, "{\"user\": {\"emailAddress\": \"" + ACCOUNT + "\", \"displayName\": \"Ann\"}}");
    }
    if (path.equals("/drive/v3/files")) {
      return json(200, """
          {"nextPageToken": "page-2", "files": [
            {"id": "f1", "name": "report.pdf", "mimeType": "application/pdf", "size": "2048",
             "modifiedTime": "2026-01-02T03:04:05.678Z"},
            {"id": "d1", "name": "Folder", "mimeType": "application/vnd.google-apps.folder",
             "modifiedTime": "2025-12-31T23:59:59Z"}]}
          """);
    }
    if (path.equals("/upload/drive/v3/files")) {
      String body = request.getBody() == null ? "" : request.getBody().utf8();
      Matcher name = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
      return json(200, """
          {"id": "file-1", "name": "%s", "mimeType": "text/plain", "size": "%d",
           "modifiedTime": "2026-11-22T01:02:03Z"}
          """.formatted(name.find() ? name.group(1) : "unnamed", 12));
    }
    return json(404, "{\"error\": {\"code\": 404, \"message\": \"Not found: " + path + "\", \"status\": \"NOT_FOUND\"}}");
  }

  private static MockResponse ok(String result) {
    return json(200, "{\"ok\":true,\"result\":" + result + "}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json; charset=UTF-8"), body);
  }

  @Override
  public void close() {
    telegram.close();
    google.close();
    oauth.shutdown();
  }
}
