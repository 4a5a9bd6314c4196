package dev.integrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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
 * server that checks PKCE). Every API call they receive is recorded; switches make them refuse or fail.
 *
 * <p>Thread-safe: the servers answer on their own threads, the switches are volatile and the recorded
 * calls are kept in concurrent lists. Subclasses add what only one test suite needs.
 */
public class ProviderStandIns implements AutoCloseable {
  /** The one bot token the Telegram stand-in accepts. */
  public static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  /** The Google account the Gmail and Drive stand-ins belong to. */
  public static final String ACCOUNT = "ann@example.com";
  /** A chat Telegram does not know: {@code sendMessage} to it answers 400 "chat not found". */
  public static final String UNKNOWN_CHAT = "404";

  private static final Pattern BOT_PATH = Pattern.compile("/bot([^/]+)/(\\w+)");
  private static final Pattern UNKNOWN_CHAT_ID =
      Pattern.compile("\"chat_id\"\\s*:\\s*\"?" + UNKNOWN_CHAT + "\"?\\s*[,}]");
  private static final OkHttpClient BROWSER = new OkHttpClient.Builder().followRedirects(false).build();

  /** The Telegram Bot API, answering {@code /bot<token>/<method>}. */
  public final MockWebServer telegram = new MockWebServer();
  /** The Gmail and Drive REST APIs and Google's revocation endpoint ({@code /revoke}). */
  public final MockWebServer google = new MockWebServer();
  /** Google's authorization and token endpoints, under the issuer {@code google}. */
  public final MockOAuth2Server oauth = new MockOAuth2Server();
  /** Every request {@link #telegram} received, in order. */
  public final List<RecordedRequest> telegramCalls = new CopyOnWriteArrayList<>();
  /** Every request {@link #google} received, in order. */
  public final List<RecordedRequest> googleCalls = new CopyOnWriteArrayList<>();
  /** When set, Telegram refuses {@link #BOT_TOKEN} as if the bot's token had been revoked. */
  public volatile boolean botTokenRevoked;
  /** When non-zero, every Bot API call answers this status. */
  public volatile int telegramFailure;
  /** When non-zero, every Gmail/Drive API call (not revoke) answers this status. */
  public volatile int googleFailure;

  private final String clientName;

  /**
   * Starts the stand-ins on loopback ports; {@code clientName} names the OAuth client in {@link #env()}
   * ({@code <clientName>.apps.googleusercontent.com}, secret {@code <clientName>-secret}).
   */
  public ProviderStandIns(String clientName) {
    this.clientName = clientName;
    telegram.setDispatcher(recording(telegramCalls, this::telegram));
    google.setDispatcher(recording(googleCalls, this::google));
    try {
      telegram.start(InetAddress.getLoopbackAddress(), 0);
      google.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    oauth.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** The settings ({@code TELEGRAM_*}, {@code GOOGLE_*}) that point an application at these stand-ins. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_API_URL", telegram.url("/").toString());
    env.put("GOOGLE_API_ROOT_URL", google.url("/").toString());
    env.put("GOOGLE_REVOKE_URI", google.url("/revoke").toString());
    env.put("GOOGLE_AUTH_URI", oauth.authorizationEndpointUrl("google").toString());
    env.put("GOOGLE_TOKEN_URI", oauth.tokenEndpointUrl("google").toString());
    env.put("GOOGLE_CLIENT_ID", clientName + ".apps.googleusercontent.com");
    env.put("GOOGLE_CLIENT_SECRET", clientName + "-secret");
    return env;
  }

  /**
   * Plays the person's browser at the consent screen: opens {@code consentUrl} at mock-oauth2-server,
   * signs in as {@code ann}, and returns where the server redirects to (the application's callback with
   * {@code code} and {@code state}). mock-oauth2-server speaks only OpenID Connect, so {@code openid} is
   * added to Google's scopes on the way.
   */
  public static URI consent(URI consentUrl) {
    HttpUrl url = HttpUrl.get(consentUrl);
    HttpUrl oidc = url.newBuilder().setQueryParameter("scope", "openid " + url.queryParameter("scope")).build();
    try (Response page = BROWSER.newCall(new Request.Builder().url(oidc).build()).execute()) {
      expect(page, 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Request signIn = new Request.Builder().url(oidc).post(new FormBody.Builder().add("username", "ann").build()).build();
    try (Response redirect = BROWSER.newCall(signIn).execute()) {
      expect(redirect, 302);
      return URI.create(redirect.header("Location"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The calls {@link #google} received for {@code path}, in order. */
  public List<RecordedRequest> googleCallsTo(String path) {
    return googleCalls.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
  }

  /** The calls {@link #telegram} received for the Bot API {@code method}, in order. */
  public List<RecordedRequest> telegramCallsTo(String method) {
    return telegramCalls.stream().filter(r -> r.getUrl().encodedPath().endsWith("/" + method)).toList();
  }

  /** The Bot API's answer to {@code request}: {@code getMe}, {@code sendMessage}, {@code true} otherwise. */
  protected MockResponse telegram(RecordedRequest request) {
    Matcher path = BOT_PATH.matcher(request.getUrl().encodedPath());
    if (!path.matches()) {
      return TelegramAnswers.failure(404);
    }
    if (telegramFailure != 0) {
      return TelegramAnswers.failure(telegramFailure);
    }
    if (botTokenRevoked || !path.group(1).equals(BOT_TOKEN)) {
      return TelegramAnswers.failure(401);
    }
    return switch (path.group(2)) {
      case "getMe" -> TelegramAnswers.me();
      case "sendMessage" -> UNKNOWN_CHAT_ID.matcher(body(request)).find()
          ? TelegramAnswers.chatNotFound()
          : TelegramAnswers.sent();
      default -> TelegramAnswers.ok("true");
    };
  }

  /** The Google APIs' answer to {@code request}, in the shapes of the Gmail and Drive v3 references. */
  protected MockResponse google(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/revoke")) {
      return GoogleAnswers.json(200, "{}");
    }
    if (googleFailure != 0) {
      return GoogleAnswers.failure(googleFailure);
    }
    return GoogleAnswers.to(path, body(request), request.getBodySize());
  }

  /** A JSON answer with {@code code} and {@code body}. */
  protected static MockResponse json(int code, String body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json; charset=UTF-8"), body);
  }

  private static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  private static void expect(Response response, int code) throws IOException {
    if (response.code() != code) {
      throw new AssertionError("the authorization server answered " + response.code() + ": " + response.body().string());
    }
  }

  /** A dispatcher that records every request in {@code calls} before {@code answer} answers it. */
  protected static Dispatcher recording(List<RecordedRequest> calls, Function<RecordedRequest, MockResponse> answer) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        calls.add(request);
        return answer.apply(request);
      }
    };
  }

  /** Stops every stand-in. */
  @Override
  public void close() {
    telegram.close();
    google.close();
    oauth.shutdown();
  }
}
