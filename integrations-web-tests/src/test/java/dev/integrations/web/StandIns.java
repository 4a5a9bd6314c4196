package dev.integrations.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Local stand-ins for the providers: the Telegram Bot API and the Gmail and Drive APIs on
 * MockWebServers, Google's authorization, token and revocation endpoints on mock-oauth2-server (a real
 * OAuth 2.0 server that checks PKCE and shows a sign-in form for {@code prompt=consent}).
 *
 * <p>mock-oauth2-server only speaks OpenID Connect, so Google's authorization endpoint is a small
 * redirector in front of it that adds {@code openid} to the requested scopes, as {@code
 * GoogleCodeExchangeTest} does for its scripted browser.
 */
final class StandIns implements AutoCloseable {
  static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  static final String ACCOUNT = "ann@example.com";
  private static final Pattern BOT_PATH = Pattern.compile("/bot([^/]+)/(\\w+)");

  private final MockWebServer telegram = new MockWebServer();
  private final MockWebServer google = new MockWebServer();
  private final MockWebServer consent = new MockWebServer();
  private final MockOAuth2Server oauth = new MockOAuth2Server();
  /** When set, Telegram refuses {@link #BOT_TOKEN} as if the bot's token had been revoked. */
  volatile boolean botTokenRevoked;

  StandIns() {
    telegram.setDispatcher(dispatcher(this::telegram));
    google.setDispatcher(dispatcher(StandIns::google));
    consent.setDispatcher(dispatcher(this::consent));
    try {
      telegram.start(InetAddress.getLoopbackAddress(), 0);
      google.start(InetAddress.getLoopbackAddress(), 0);
      consent.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    oauth.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** The server configuration that points every provider endpoint at these stand-ins. */
  Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("TELEGRAM_API_URL", telegram.url("/").toString());
    settings.put("GOOGLE_API_ROOT_URL", google.url("/").toString());
    settings.put("GOOGLE_REVOKE_URI", google.url("/revoke").toString());
    settings.put("GOOGLE_AUTH_URI", consent.url("/o/oauth2/v2/auth").toString());
    settings.put("GOOGLE_TOKEN_URI", oauth.tokenEndpointUrl("google").toString());
    settings.put("GOOGLE_CLIENT_ID", "web-test-client.apps.googleusercontent.com");
    settings.put("GOOGLE_CLIENT_SECRET", "web-test-client-secret");
    return settings;
  }

  private MockResponse telegram(RecordedRequest request) {
    Matcher path = BOT_PATH.matcher(request.getUrl().encodedPath());
    if (!path.matches()) {
      return json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }
    if (botTokenRevoked || !path.group(1).equals(BOT_TOKEN)) {
      return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }
    return switch (path.group(2)) {
      case "getMe" -> ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Alerts\",\"username\":\"alerts_bot\"}");
      default -> ok("true");
    };
  }

  private MockResponse consent(RecordedRequest request) {
    HttpUrl asked = request.getUrl();
    HttpUrl.Builder oidc = oauth.authorizationEndpointUrl("google").newBuilder();
    for (String name : asked.queryParameterNames()) {
      String value = asked.queryParameter(name);
      oidc.addQueryParameter(name, name.equals("scope") ? "openid " + value : value);
    }
    return new MockResponse(302, Headers.of("Location", oidc.build().toString()), "");
  }

  private static MockResponse google(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    return switch (path) {
      case "/revoke" -> json(200, "{}");
      case "/gmail/v1/users/me/profile" ->
          json(200, "{\"emailAddress\": \"" + ACCOUNT + "\", \"messagesTotal\": 2, \"historyId\": \"1\"}");
      case "/drive/v3/about" ->
          json(200, "{\"user\": {\"emailAddress\": \"" + ACCOUNT + "\", \"displayName\": \"Ann\"}}");
      default -> json(404, "{\"error\": {\"code\": 404, \"message\": \"Not found\", \"status\": \"NOT_FOUND\"}}");
    };
  }

  private static Dispatcher dispatcher(java.util.function.Function<RecordedRequest, MockResponse> answer) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer.apply(request);
      }
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
    consent.close();
    oauth.shutdown();
  }
}
