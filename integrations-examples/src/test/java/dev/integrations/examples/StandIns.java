package dev.integrations.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
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
import okhttp3.Headers;

/**
 * Local stand-ins for Google and Telegram: mock-oauth2-server (a real OAuth 2.0 server that checks
 * PKCE) for Google's authorization and token endpoints, MockWebServers for the Gmail API, Google's
 * revocation endpoint and the Telegram Bot API. Every request they receive is kept.
 */
final class StandIns implements AutoCloseable {
  static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  static final String CALLBACK = "http://127.0.0.1:8080/integrations/callback";
  private static final Pattern BOT_PATH = Pattern.compile("/bot([^/]+)/(\\w+)");

  final MockOAuth2Server oauth = new MockOAuth2Server();
  final MockWebServer google = new MockWebServer();
  final MockWebServer telegram = new MockWebServer();
  final List<RecordedRequest> googleCalls = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> telegramCalls = new CopyOnWriteArrayList<>();

  StandIns() throws IOException {
    google.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        googleCalls.add(request);
        return google(request.getUrl().encodedPath());
      }
    });
    telegram.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        telegramCalls.add(request);
        return telegram(request.getUrl().encodedPath());
      }
    });
    InetAddress loopback = InetAddress.getLoopbackAddress();
    oauth.start(loopback, 0);
    google.start(loopback, 0);
    telegram.start(loopback, 0);
  }

  /** The application's settings, every provider endpoint on a stand-in, the database in {@code dir}. */
  Map<String, String> environment(Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put("INTEGRATIONS_DATA_DIR", dir.toString());
    env.put("INTEGRATIONS_DB_URL", "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath());
    env.put("GOOGLE_CLIENT_ID", "example-app.apps.googleusercontent.com");
    env.put("GOOGLE_CLIENT_SECRET", "example-app-secret");
    env.put("GOOGLE_AUTH_URI", oauth.authorizationEndpointUrl("google").toString());
    env.put("GOOGLE_TOKEN_URI", oauth.tokenEndpointUrl("google").toString());
    env.put("GOOGLE_REVOKE_URI", google.url("/revoke").toString());
    env.put("GOOGLE_API_ROOT_URL", google.url("/").toString());
    env.put("TELEGRAM_API_URL", telegram.url("/").toString());
    env.put("APP_OAUTH_CALLBACK_URL", CALLBACK);
    return env;
  }

  private static MockResponse google(String path) {
    return switch (path) {
      case "/revoke" -> json(200, "{}");
      case "/gmail/v1/users/me/profile" ->
          json(200, "{\"emailAddress\": \"ann@example.com\", \"messagesTotal\": 2, \"historyId\": \"1\"}");
      case "/gmail/v1/users/me/messages/send" -> json(200, "{\"id\": \"m-1\", \"threadId\": \"t-1\"}");
      default -> json(404, "{\"error\": {\"code\": 404, \"message\": \"Not found\", \"status\": \"NOT_FOUND\"}}");
    };
  }

  private static MockResponse telegram(String path) {
    Matcher bot = BOT_PATH.matcher(path);
    if (!bot.matches() || !bot.group(1).equals(BOT_TOKEN)) {
      return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }
    return switch (bot.group(2)) {
      case "getMe" -> ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Deploys\",\"username\":\"deploys_bot\"}");
      case "sendMessage" -> ok("{\"message_id\":42,\"date\":1700000000,\"chat\":{\"id\":4711},\"text\":\"x\"}");
      default -> ok("true");
    };
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
