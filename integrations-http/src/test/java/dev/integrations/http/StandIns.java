package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Local stand-ins for every provider endpoint: the Telegram Bot API and the Gmail and Drive REST APIs on
 * MockWebServers, Google's authorization and token endpoints on mock-oauth2-server (a real OAuth 2.0
 * server that checks PKCE). Every call they receive is recorded.
 */
final class ProviderStandIns implements AutoCloseable {
  static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  static final String ACCOUNT = "ann@example.com";
  /** Where the provider sends the browser back; the tests replay its path and query on the real port. */
  static final String PUBLIC_URL = "http://integrations.test:8000";
  private static final Pattern BOT_PATH = Pattern.compile("/bot([^/]+)/(\\w+)");

  final MockWebServer telegram = new MockWebServer();
  final MockWebServer google = new MockWebServer();
  final MockOAuth2Server oauth = new MockOAuth2Server();
  final List<RecordedRequest> telegramCalls = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> googleCalls = new CopyOnWriteArrayList<>();
  /** When non-zero, every Gmail/Drive API call (not revoke) answers this status. */
  volatile int googleFailure;
  /** The {@code scope} the scripted token endpoint ({@code /token} on {@link #google}) says it granted. */
  volatile String scriptedGrantedScope = "openid";
  /** When non-zero, every Bot API call answers this status. */
  volatile int telegramFailure;
  private final OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();

  ProviderStandIns() {
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
    try {
      telegram.start(InetAddress.getLoopbackAddress(), 0);
      google.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    oauth.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** The configuration that points the server at these stand-ins. */
  Map<String, String> env() {
    return Map.of(
        "INTEGRATIONS_PUBLIC_URL", PUBLIC_URL,
        "TELEGRAM_API_URL", telegram.url("/").toString(),
        "GOOGLE_API_ROOT_URL", google.url("/").toString(),
        "GOOGLE_REVOKE_URI", google.url("/revoke").toString(),
        "GOOGLE_AUTH_URI", oauth.authorizationEndpointUrl("google").toString(),
        "GOOGLE_TOKEN_URI", oauth.tokenEndpointUrl("google").toString(),
        "GOOGLE_CLIENT_ID", "http-test-client.apps.googleusercontent.com",
        "GOOGLE_CLIENT_SECRET", "http-test-client-secret");
  }

  /**
   * What a browser does at the consent screen: submits mock-oauth2-server's login form for {@code
   * consentUrl} and returns where it redirects to (our callback with {@code code} and {@code state}).
   * mock-oauth2-server only speaks OpenID Connect, so {@code openid} is added to Google's scopes.
   */
  URI consent(String consentUrl) {
    HttpUrl url = HttpUrl.get(consentUrl);
    HttpUrl oidc = url.newBuilder().setQueryParameter("scope", "openid " + url.queryParameter("scope")).build();
    Request submit = new Request.Builder().url(oidc).post(new FormBody.Builder().add("username", "ann").build()).build();
    try (Response response = browser.newCall(submit).execute()) {
      assertThat(response.code()).as("mock-oauth2-server answer to the consent").isEqualTo(302);
      return URI.create(response.header("Location"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects {@code user} to a Google integration through the whole OAuth flow over HTTP. */
  HttpResponse<String> connectGoogle(TestServer server, String token, String type) {
    HttpResponse<String> connect = server.post("/api/integrations/connect", token, "{\"integration_type\":\"" + type + "\"}");
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    URI back = consent(Json.parse(connect.body()).path("oauth_url").asText());
    HttpResponse<String> callback = server.get(back.getRawPath() + "?" + back.getRawQuery(), null);
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .as("callback redirect").contains("integration=" + type).contains("status=connected");
    return callback;
  }

  /** Connects {@code user}'s Telegram bot. */
  void connectTelegram(TestServer server, String token) {
    HttpResponse<String> connect = server.post(
        "/api/integrations/connect", token, "{\"integration_type\":\"telegram\",\"bot_token\":\"" + BOT_TOKEN + "\"}");
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
  }

  List<RecordedRequest> googleCallsTo(String path) {
    return googleCalls.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
  }

  List<RecordedRequest> telegramCallsTo(String method) {
    return telegramCalls.stream().filter(r -> r.getUrl().encodedPath().endsWith("/" + method)).toList();
  }

  private MockResponse telegram(RecordedRequest request) {
    Matcher path = BOT_PATH.matcher(request.getUrl().encodedPath());
    if (!path.matches()) {
      return json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }
    if (telegramFailure != 0) {
      return json(telegramFailure, "{\"ok\":false,\"error_code\":" + telegramFailure + ",\"description\":\"Failure\"}");
    }
    if (!path.group(1).equals(BOT_TOKEN)) {
      return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }
    return switch (path.group(2)) {
      case "getMe" -> ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Alerts\",\"username\":\"alerts_bot\"}");
      case "sendMessage" -> ok("{\"message_id\":42,\"date\":1700000000,\"chat\":{\"id\":4711},\"text\":\"hi\"}");
      default -> ok("true");
    };
  }

  private MockResponse google(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/revoke")) {
      return json(200, "{}");
    }
    if (path.equals("/token")) { // a scripted token endpoint, for answers mock-oauth2-server never gives
      return json(200, "{\"access_token\": \"ya29.scripted\", \"token_type\": \"Bearer\", \"expires_in\": 3599,"
          + " \"refresh_token\": \"1//scripted\", \"scope\": \"" + scriptedGrantedScope + "\"}");
    }
    if (googleFailure != 0) {
      return json(googleFailure, "{\"error\": {\"code\": " + googleFailure + ", \"message\": \"Failure\", \"status\": \"X\"}}");
    }
    if (path.equals("/gmail/v1/users/me/profile")) {
      return json(200, "{\"emailAddress\": \"" + ACCOUNT + "\", \"messagesTotal\": 2, \"threadsTotal\": 2, \"historyId\": \"1\"}");
    }
    if (path.equals("/gmail/v1/users/me/messages/send")) {
      return json(200, "{\"id\": \"m-sent\", \"threadId\": \"t-sent\", \"labelIds\": [\"SENT\"]}");
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
      return json(200, """
          {"id": "file-1", "name": "uploaded.bin", "mimeType": "application/octet-stream", "size": "%d",
           "modifiedTime": "2026-11-22T01:02:03Z"}
          """.formatted(request.getBodySize()));
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
