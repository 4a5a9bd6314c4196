package dev.integrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Local stand-ins for every provider endpoint, as strict as the providers: the Telegram Bot API and
 * the Gmail and Drive REST APIs on MockWebServers, Google's authorization and token endpoints
 * ({@link GoogleAccounts}) in front of mock-oauth2-server (a real OAuth 2.0 server that checks PKCE
 * and signs the tokens). The Google APIs accept only a live access token issued by that token
 * endpoint, answer for the account it belongs to, and refuse a token without the API's scope;
 * {@code POST /revoke} ends the whole grant of the token's account ({@link GoogleGrants}). Every
 * API call they receive is recorded; switches make them refuse or fail.
 *
 * <p>Thread-safe: the servers answer on their own threads, the switches are volatile and the
 * recorded calls are kept in concurrent lists. Subclasses add what only one test suite needs.
 */
public class ProviderStandIns implements AutoCloseable {
  /** The one bot token the Telegram stand-in accepts. */
  public static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  /** The Google account {@link #consent(URI)} signs in as. */
  public static final String ACCOUNT = "ann@example.com";

  /** The Google accounts' domain: signing in as {@code bob} is {@code bob@example.com}. */
  public static final String ACCOUNT_DOMAIN = "example.com";

  /** A chat Telegram does not know: {@code sendMessage} to it answers 400 "chat not found". */
  public static final String UNKNOWN_CHAT = "404";

  private static final Pattern BOT_PATH = Pattern.compile("/bot([^/]+)/(\\w+)");
  private static final Pattern UNKNOWN_CHAT_ID =
      Pattern.compile("\"chat_id\"\\s*:\\s*\"?" + UNKNOWN_CHAT + "\"?\\s*[,}]");
  private static final OkHttpClient BROWSER =
      new OkHttpClient.Builder().followRedirects(false).build();

  /** The Telegram Bot API, answering {@code /bot<token>/<method>}. */
  public final MockWebServer telegram = new MockWebServer();

  /** The Gmail and Drive REST APIs and Google's revocation endpoint ({@code /revoke}). */
  public final MockWebServer google = new MockWebServer();

  /**
   * The OAuth server behind {@link #accounts}: sign-in page, codes and token signing, issuer {@code
   * google}.
   */
  public final MockOAuth2Server oauth = new MockOAuth2Server();

  /** Every grant Google made, with its tokens; revocation ends one. */
  public final GoogleGrants grants = new GoogleGrants();

  /** Google's authorization and token endpoints. */
  public final GoogleAccounts accounts;

  /** Every request {@link #telegram} received, in order. */
  public final List<RecordedRequest> telegramCalls = new CopyOnWriteArrayList<>();

  /** Every request {@link #google} received, in order. */
  public final List<RecordedRequest> googleCalls = new CopyOnWriteArrayList<>();

  /** When set, Telegram refuses {@link #BOT_TOKEN} as if the bot's token had been revoked. */
  public volatile boolean botTokenRevoked;

  /** When non-zero, every Bot API call answers this status. */
  public volatile int telegramFailure;

  /** When non-zero, every authorized Gmail/Drive API call (not revoke) answers this status. */
  public volatile int googleFailure;

  private final String clientName;
  private final AtomicInteger googleFailuresLeft = new AtomicInteger();
  private volatile int googleFailureOnce;
  private final AtomicInteger telegramFailuresLeft = new AtomicInteger();
  private volatile int telegramFailureOnce;

  /**
   * Starts the stand-ins on loopback ports; {@code clientName} names the OAuth client in {@link
   * #env()} ({@code <clientName>.apps.googleusercontent.com}, secret {@code <clientName>-secret}).
   */
  public ProviderStandIns(String clientName) {
    this.clientName = clientName;
    oauth.start(InetAddress.getLoopbackAddress(), 0);
    accounts = new GoogleAccounts(oauth, grants, clientId(), clientSecret());
    telegram.setDispatcher(recording(telegramCalls, this::telegram));
    google.setDispatcher(recording(googleCalls, this::google));
    try {
      telegram.start(InetAddress.getLoopbackAddress(), 0);
      google.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The settings ({@code TELEGRAM_*}, {@code GOOGLE_*}) that point an application at these
   * stand-ins.
   */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_API_URL", telegram.url("/").toString());
    env.put("GOOGLE_API_ROOT_URL", google.url("/").toString());
    env.put("GOOGLE_REVOKE_URI", google.url("/revoke").toString());
    env.put("GOOGLE_AUTH_URI", accounts.authorizationEndpoint().toString());
    env.put("GOOGLE_TOKEN_URI", accounts.tokenEndpoint().toString());
    env.put("GOOGLE_CLIENT_ID", clientId());
    env.put("GOOGLE_CLIENT_SECRET", clientSecret());
    return env;
  }

  /** The OAuth client id of {@link #env()}. */
  public String clientId() {
    return clientName + ".apps.googleusercontent.com";
  }

  /** The OAuth client secret of {@link #env()}. */
  public String clientSecret() {
    return clientName + "-secret";
  }

  /**
   * The next {@code times} authorized Gmail/Drive API calls answer {@code code} (429 with {@code
   * Retry-After}).
   */
  public void failNextGoogleCalls(int code, int times) {
    googleFailureOnce = code;
    googleFailuresLeft.set(times);
  }

  /** The next {@code times} Bot API calls answer {@code code} (429 with {@code retry_after}). */
  public void failNextTelegramCalls(int code, int times) {
    telegramFailureOnce = code;
    telegramFailuresLeft.set(times);
  }

  /**
   * Plays the person's browser at the consent screen: opens {@code consentUrl} (Google's
   * authorization endpoint of {@link #accounts}), signs in on mock-oauth2-server's page as {@code
   * ann} and consents, and returns where Google sends the browser back to (the application's
   * redirect URI with {@code code}, {@code state} and {@code scope}).
   */
  public static URI consent(URI consentUrl) {
    return consent(consentUrl, "ann");
  }

  /** {@link #consent(URI)}, signed in as the Google account {@code user@example.com}. */
  public static URI consent(URI consentUrl, String user) {
    HttpUrl signIn = HttpUrl.get(location(get(HttpUrl.get(consentUrl)), 302));
    try (Response page = BROWSER.newCall(new Request.Builder().url(signIn).build()).execute()) {
      expect(page, 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Request form =
        new Request.Builder()
            .url(signIn)
            .post(new FormBody.Builder().add("username", user).build())
            .build();
    HttpUrl consented;
    try (Response redirect = BROWSER.newCall(form).execute()) {
      consented = HttpUrl.get(location(redirect, 302));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return URI.create(location(get(consented), 302));
  }

  /** The Google account (an email address) of the user name {@code user} signs in with. */
  static String emailOf(String user) {
    return user.contains("@") ? user : user + "@" + ACCOUNT_DOMAIN;
  }

  private static Response get(HttpUrl url) {
    try {
      return BROWSER.newCall(new Request.Builder().url(url).build()).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String location(Response response, int code) {
    try (response) {
      expect(response, code);
      return response.header("Location");
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
    return telegramCalls.stream()
        .filter(r -> r.getUrl().encodedPath().endsWith("/" + method))
        .toList();
  }

  /**
   * The Bot API's answer to {@code request}: {@code getMe}, {@code sendMessage}, {@code true}
   * otherwise.
   */
  protected MockResponse telegram(RecordedRequest request) {
    Matcher path = BOT_PATH.matcher(request.getUrl().encodedPath());
    if (!path.matches()) {
      return TelegramAnswers.failure(404);
    }
    if (telegramFailure != 0) {
      return TelegramAnswers.failure(telegramFailure);
    }
    if (telegramFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return TelegramAnswers.failure(telegramFailureOnce);
    }
    if (botTokenRevoked || !path.group(1).equals(BOT_TOKEN)) {
      return TelegramAnswers.failure(401);
    }
    return switch (path.group(2)) {
      case "getMe" -> TelegramAnswers.me();
      case "sendMessage" ->
          UNKNOWN_CHAT_ID.matcher(body(request)).find()
              ? TelegramAnswers.chatNotFound()
              : TelegramAnswers.sent();
      default -> TelegramAnswers.ok("true");
    };
  }

  /**
   * The Google APIs' answer to {@code request}, in the shapes of the Gmail and Drive v3 references:
   * 401 without a live access token of {@link #grants}, 403 without the API's scope, otherwise the
   * answer for the token's account.
   */
  protected MockResponse google(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/revoke")) {
      return revoke(request);
    }
    String authorization = request.getHeaders().get("Authorization");
    GoogleGrants.Access access =
        authorization == null || !authorization.startsWith("Bearer ")
            ? null
            : grants.liveAccess(authorization.substring("Bearer ".length())).orElse(null);
    if (access == null) {
      return GoogleAnswers.failure(401);
    }
    if (!GoogleAnswers.allowed(path, access.scopes())) {
      return GoogleAnswers.failure(403);
    }
    if (googleFailure != 0) {
      return GoogleAnswers.failure(googleFailure);
    }
    if (googleFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return GoogleAnswers.failure(googleFailureOnce);
    }
    return GoogleAnswers.to(path, body(request), request.getBodySize(), access.account());
  }

  /**
   * Google's revocation endpoint: {@code POST} with the form field {@code token} (an access or a
   * refresh token) ends the whole grant; {@code GET} is 404; an unknown or already revoked token is
   * 400 {@code invalid_token}.
   */
  private MockResponse revoke(RecordedRequest request) {
    if (!request.getMethod().equals("POST")) {
      return new MockResponse(
          404,
          Headers.of("Content-Type", "text/html; charset=UTF-8"),
          "<!doctype html><title>Error 404 (Not Found)</title><p>The requested URL /revoke was not found.</p>");
    }
    String token = GoogleAccounts.form(request).queryParameter("token");
    if (token == null || token.isEmpty()) {
      return json(400, "{\"error\": \"invalid_request\", \"error_description\": \"Bad Request\"}");
    }
    if (!grants.revoke(token)) {
      return json(
          400,
          "{\"error\": \"invalid_token\", \"error_description\": \"Token expired or revoked\"}");
    }
    return json(200, "{}");
  }

  /** A JSON answer with {@code code} and {@code body}. */
  protected static MockResponse json(int code, String body) {
    return new MockResponse(
        code, Headers.of("Content-Type", "application/json; charset=UTF-8"), body);
  }

  private static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  private static void expect(Response response, int code) throws IOException {
    if (response.code() != code) {
      throw new AssertionError(
          "the authorization server answered " + response.code() + ": " + response.body().string());
    }
  }

  /** A dispatcher that records every request in {@code calls} before {@code answer} answers it. */
  protected static Dispatcher recording(
      List<RecordedRequest> calls, Function<RecordedRequest, MockResponse> answer) {
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
    accounts.close();
    oauth.shutdown();
  }
}
