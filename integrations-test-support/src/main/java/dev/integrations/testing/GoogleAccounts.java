package dev.integrations.testing;

import com.auth0.jwt.JWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Google's authorization and token endpoints as strict as Google's (<a
 * href="https://developers.google.com/identity/protocols/oauth2/web-server">OAuth 2.0 for web
 * server applications</a>), in front of mock-oauth2-server, the real OAuth server that shows the
 * sign-in page, issues the codes and signs the tokens.
 *
 * <ul>
 *   <li>{@code GET /o/oauth2/v2/auth} remembers what the application asked (client, redirect URI,
 *       scopes, PKCE challenge, state) and hands the browser to mock-oauth2-server's sign-in page;
 *       {@code /consented} is where that page sends the browser back, and from where it goes on to
 *       the application's redirect URI with {@code code}, {@code state} and {@code scope}, as
 *       Google does.
 *   <li>{@code POST /token} exchanges a code only for the client it was issued to, with the exact
 *       redirect URI of the consent and the PKCE verifier of its challenge; it answers {@code
 *       scope} (all that was asked, or {@link #grantedScopes} when the person unticked some, or
 *       nothing when {@link #scopeOmitted}). A refresh omits {@code refresh_token} (Google's usual
 *       answer) or, with {@link #refreshTokens} {@code ROTATED}, returns a new one and refuses the
 *       old one with {@code invalid_grant}; with {@link #reuseEndsGrant} such a reuse ends the
 *       whole grant (RFC 9700 4.14.2).
 * </ul>
 *
 * <p>Every access token is a JWT signed by mock-oauth2-server's key for the issuer {@code google},
 * and recorded in {@link GoogleGrants} with its account, scopes and expiry: the API stand-in
 * accepts no other.
 *
 * <p>Thread-safe: the switches are volatile, the records concurrent.
 */
public final class GoogleAccounts implements AutoCloseable {
  /** What a refresh answers about the refresh token. */
  public enum RefreshTokens {
    /** No {@code refresh_token} in the answer: keep the one you have (Google's usual answer). */
    OMITTED,
    /**
     * A new {@code refresh_token} in every answer; the old one is then refused with {@code
     * invalid_grant}.
     */
    ROTATED
  }

  static final String ISSUER = "google";
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder().followRedirects(false).build();

  /** The server of {@code /o/oauth2/v2/auth}, {@code /consented} and {@code /token}. */
  public final MockWebServer server = new MockWebServer();

  /** Every request to {@code /token}, in order. */
  public final List<RecordedRequest> tokenCalls = new CopyOnWriteArrayList<>();

  /** What a refresh answers about the refresh token; default {@link RefreshTokens#OMITTED}. */
  public volatile RefreshTokens refreshTokens = RefreshTokens.OMITTED;

  /** Whether using a superseded refresh token again ends the whole grant. */
  public volatile boolean reuseEndsGrant;

  /** The scopes the person leaves ticked on the consent screen; null: all that were asked. */
  public volatile Set<String> grantedScopes;

  /** Whether the token answers leave {@code scope} out (RFC 6749 5.1 allows it). */
  public volatile boolean scopeOmitted;

  /**
   * When set, the person clicks "Cancel" on the consent screen: back to the application with {@code
   * access_denied}.
   */
  public volatile boolean consentRefused;

  /** How long an issued access token is accepted; default Google's 3599 seconds. */
  public volatile Duration accessTokenLifetime = Duration.ofSeconds(3599);

  /** When set, a refresh is accepted and never answered (a token endpoint that hangs). */
  public volatile boolean refreshesHang;

  /** Runs when a refresh arrives, before it is answered (another writer acting meanwhile, say). */
  public volatile Runnable onRefresh = () -> {};

  private final MockOAuth2Server oauth;
  private final GoogleGrants grants;
  private final String clientId;
  private final String clientSecret;
  private final AtomicInteger asks = new AtomicInteger();
  private final Map<String, Ask> pendingConsents = new ConcurrentHashMap<>();
  private final Map<String, Ask> codes = new ConcurrentHashMap<>();

  /** What an application asked for at the authorization endpoint. */
  private record Ask(
      String clientId, String redirectUri, Set<String> scopes, String challenge, String state) {}

  GoogleAccounts(
      MockOAuth2Server oauth, GoogleGrants grants, String clientId, String clientSecret) {
    this.oauth = oauth;
    this.grants = grants;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    server.setDispatcher(ProviderStandIns.recording(new CopyOnWriteArrayList<>(), this::answer));
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Google's authorization endpoint ({@code GOOGLE_AUTH_URI}). */
  public HttpUrl authorizationEndpoint() {
    return server.url("/o/oauth2/v2/auth");
  }

  /** Google's token endpoint ({@code GOOGLE_TOKEN_URI}). */
  public HttpUrl tokenEndpoint() {
    return server.url("/token");
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    return switch (path) {
      case "/o/oauth2/v2/auth" -> authorize(request.getUrl());
      case "/consented" -> consented(request.getUrl());
      case "/token" -> {
        tokenCalls.add(request);
        yield token(request);
      }
      default -> ProviderStandIns.json(404, "{\"error\": \"not_found\"}");
    };
  }

  private MockResponse authorize(HttpUrl asked) {
    if (!clientId.equals(asked.queryParameter("client_id"))) {
      return page(401, "Error 401: invalid_client. The OAuth client was not found.");
    }
    String redirectUri = asked.queryParameter("redirect_uri");
    if (redirectUri == null || HttpUrl.parse(redirectUri) == null) {
      return page(400, "Error 400: redirect_uri_mismatch");
    }
    if (!"code".equals(asked.queryParameter("response_type"))) {
      return page(400, "Error 400: invalid_request. Required parameter is missing: response_type");
    }
    String challenge = asked.queryParameter("code_challenge");
    if (challenge != null && !"S256".equals(asked.queryParameter("code_challenge_method"))) {
      return page(400, "Error 400: invalid_request. Invalid code_challenge_method");
    }
    if (consentRefused) {
      HttpUrl.Builder refused =
          HttpUrl.get(redirectUri).newBuilder().addQueryParameter("error", "access_denied");
      if (asked.queryParameter("state") != null) {
        refused.addQueryParameter("state", asked.queryParameter("state"));
      }
      return redirect(refused.build());
    }
    String id = "ask-" + asks.incrementAndGet();
    pendingConsents.put(
        id,
        new Ask(
            clientId,
            redirectUri,
            scopes(asked.queryParameter("scope")),
            challenge,
            asked.queryParameter("state")));
    // mock-oauth2-server speaks OpenID Connect only: it needs openid among the scopes.
    HttpUrl.Builder signIn = oauth.authorizationEndpointUrl(ISSUER).newBuilder();
    for (String name : asked.queryParameterNames()) {
      String value = asked.queryParameter(name);
      switch (name) {
        case "scope" -> signIn.addQueryParameter(name, "openid " + value);
        case "redirect_uri" -> signIn.addQueryParameter(name, server.url("/consented").toString());
        case "state" -> {}
        default -> signIn.addQueryParameter(name, value);
      }
    }
    signIn.addQueryParameter("state", id);
    return redirect(signIn.build());
  }

  private MockResponse consented(HttpUrl back) {
    Ask ask =
        back.queryParameter("state") == null
            ? null
            : pendingConsents.remove(back.queryParameter("state"));
    String code = back.queryParameter("code");
    if (ask == null || code == null) {
      return page(400, "Error 400: invalid_request");
    }
    codes.put(code, ask);
    HttpUrl.Builder toApp =
        HttpUrl.get(ask.redirectUri()).newBuilder().addQueryParameter("code", code);
    if (ask.state() != null) {
      toApp.addQueryParameter("state", ask.state());
    }
    toApp.addQueryParameter("scope", String.join(" ", granted(ask)));
    return redirect(toApp.build());
  }

  private MockResponse token(RecordedRequest request) {
    if (!request.getMethod().equals("POST")) {
      return ProviderStandIns.json(
          405, "{\"error\": \"invalid_request\", \"error_description\": \"POST only\"}");
    }
    HttpUrl form = form(request);
    String[] client = client(request, form);
    if (!clientId.equals(client[0]) || !clientSecret.equals(client[1])) {
      return error(401, "invalid_client", "Unauthorized");
    }
    String grantType = form.queryParameter("grant_type");
    if ("authorization_code".equals(grantType)) {
      return exchange(form);
    }
    if ("refresh_token".equals(grantType)) {
      return refresh(form);
    }
    return error(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
  }

  private MockResponse exchange(HttpUrl form) {
    String code = form.queryParameter("code");
    Ask ask = code == null ? null : codes.remove(code);
    if (ask == null) {
      return error(400, "invalid_grant", "Malformed auth code.");
    }
    if (!ask.redirectUri().equals(form.queryParameter("redirect_uri"))) {
      return error(400, "redirect_uri_mismatch", "Bad Request");
    }
    String verifier = form.queryParameter("code_verifier");
    if (ask.challenge() != null
        && (verifier == null || !ask.challenge().equals(challengeOf(verifier)))) {
      return error(400, "invalid_grant", "Invalid code verifier.");
    }
    String account;
    try {
      account = accountSignedIn(code, verifier);
    } catch (IOException e) {
      return error(400, "invalid_grant", "Bad Request");
    }
    Set<String> scopes = granted(ask);
    GoogleGrants.Grant grant = grants.grantOf(account, ask.clientId());
    return tokens(grant, scopes, grants.newRefreshToken(grant, scopes));
  }

  /** mock-oauth2-server checks the code (and its PKCE verifier) and says who signed in. */
  private String accountSignedIn(String code, String verifier) throws IOException {
    FormBody.Builder body =
        new FormBody.Builder()
            .add("grant_type", "authorization_code")
            .add("code", code)
            .add("redirect_uri", server.url("/consented").toString())
            .add("client_id", clientId)
            .add("client_secret", clientSecret);
    if (verifier != null) {
      body.add("code_verifier", verifier);
    }
    Request exchange =
        new Request.Builder().url(oauth.tokenEndpointUrl(ISSUER)).post(body.build()).build();
    try (Response response = HTTP.newCall(exchange).execute()) {
      String json = response.body().string();
      Matcher token = ACCESS_TOKEN.matcher(json);
      if (!response.isSuccessful() || !token.find()) {
        throw new IOException("mock-oauth2-server refused the code: " + response.code());
      }
      return ProviderStandIns.emailOf(JWT.decode(token.group(1)).getSubject());
    }
  }

  private MockResponse refresh(HttpUrl form) {
    onRefresh.run();
    if (refreshesHang) {
      return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }
    // One lock over look-up, rotation and issue: two refreshes racing with one rotating token see
    // Google's order.
    synchronized (grants) {
      GoogleGrants.Refresh refresh =
          grants.refreshToken(form.queryParameter("refresh_token")).orElse(null);
      if (refresh == null || refresh.grant.revoked) {
        return error(400, "invalid_grant", "Token has been expired or revoked.");
      }
      if (!refresh.grant.clientId.equals(clientId)) {
        return error(400, "unauthorized_client", "Unauthorized");
      }
      if (refresh.superseded) {
        if (reuseEndsGrant) {
          grants.revoke(refresh.grant);
        }
        return error(400, "invalid_grant", "Token has been expired or revoked.");
      }
      String rotated = null;
      if (refreshTokens == RefreshTokens.ROTATED) {
        grants.supersede(refresh);
        rotated = grants.newRefreshToken(refresh.grant, refresh.scopes);
      }
      return tokens(refresh.grant, refresh.scopes, rotated);
    }
  }

  private MockResponse tokens(GoogleGrants.Grant grant, Set<String> scopes, String refreshToken) {
    Duration lifetime = accessTokenLifetime;
    String scope = String.join(" ", scopes);
    String accessToken =
        oauth
            .issueToken(
                ISSUER, grant.account, grant.clientId, Map.of("scope", scope), lifetime.toSeconds())
            .serialize();
    grants.addAccessToken(accessToken, grant, scopes, lifetime);
    StringBuilder json =
        new StringBuilder("{\"access_token\": \"")
            .append(accessToken)
            .append("\", \"expires_in\": ")
            .append(lifetime.toSeconds());
    if (refreshToken != null) {
      json.append(", \"refresh_token\": \"").append(refreshToken).append('"');
    }
    if (!scopeOmitted) {
      json.append(", \"scope\": \"").append(scope).append('"');
    }
    json.append(", \"token_type\": \"Bearer\"}");
    return ProviderStandIns.json(200, json.toString());
  }

  private Set<String> granted(Ask ask) {
    Set<String> ticked = grantedScopes;
    if (ticked == null) {
      return ask.scopes();
    }
    Set<String> granted = new LinkedHashSet<>(ask.scopes());
    granted.retainAll(ticked);
    return granted;
  }

  /** RFC 7636 4.2: BASE64URL(SHA256(ASCII(code_verifier))), without padding. */
  static String challengeOf(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> scopes(String scope) {
    Set<String> scopes = new LinkedHashSet<>();
    if (scope != null) {
      Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    }
    return scopes;
  }

  /** The form fields of a {@code application/x-www-form-urlencoded} body, read as a query. */
  static HttpUrl form(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    String body =
        request.getBody() == null
                || type == null
                || !type.startsWith("application/x-www-form-urlencoded")
            ? ""
            : request.getBody().utf8();
    return HttpUrl.get("http://form.invalid/?" + body);
  }

  /** The client id and secret, from HTTP Basic or from the body (Google accepts both). */
  private static String[] client(RecordedRequest request, HttpUrl form) {
    String basic = request.getHeaders().get("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String pair =
          new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon > 0) {
        return new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
      }
    }
    return new String[] {form.queryParameter("client_id"), form.queryParameter("client_secret")};
  }

  private static MockResponse error(int code, String error, String description) {
    return ProviderStandIns.json(
        code, "{\"error\": \"" + error + "\", \"error_description\": \"" + description + "\"}");
  }

  private static MockResponse page(int code, String text) {
    return new MockResponse(
        code,
        Headers.of("Content-Type", "text/html; charset=UTF-8"),
        "<!doctype html><title>Google</title><p>" + text + "</p>");
  }

  private static MockResponse redirect(HttpUrl to) {
    return new MockResponse(302, Headers.of("Location", to.toString()), "");
  }

  @Override
  public void close() {
    server.close();
  }
}
