package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What every OAuth 2.0 provider stand-in shares, on one {@link MockWebServer}: a consent endpoint
 * that checks the client, the exact registered redirect URI and the PKCE challenge, and sends the
 * browser back with a single-use code; a token endpoint that redeems a code only for its client,
 * with the redirect URI of its consent and the verifier of its challenge, and refreshes;
 * revocation; and the grants behind the access tokens, which the API answers check. Subclasses give
 * the provider's paths, its client authentication and request encoding, and its answers and error
 * shapes, as the provider really sends them.
 *
 * <p>The person at the consent screen is {@code ann} unless {@link #consent(URI, String)} names
 * another.
 *
 * <p>Thread-safe: the grants are concurrent maps, the recorded calls a concurrent list.
 */
public abstract class OAuthStandIn implements CatalogStandIn {
  /** Why the token endpoint refuses a request; each provider words it its own way. */
  public enum Refusal {
    /** Unknown client, wrong secret, or client authentication the provider does not take. */
    INVALID_CLIENT,
    /** Unknown, used or revoked code or refresh token, or one issued to another client. */
    INVALID_GRANT,
    /** The redirect URI is not the one of the consent. */
    REDIRECT_URI_MISMATCH,
    /** The PKCE verifier is missing or does not match the challenge. */
    PKCE_MISMATCH,
    /** A malformed request: wrong encoding, missing field, unknown grant type. */
    INVALID_REQUEST
  }

  /** How the token endpoint wants client authentication and the request body. */
  protected record TokenRules(boolean basic, boolean body, boolean form, boolean json) {}

  /**
   * One grant: the account it is for, its scopes, and its current tokens.
   *
   * @param account the person's account name ({@code ann})
   * @param scopes the granted scopes
   * @param accessToken the live access token
   * @param refreshToken the live refresh token, null when the provider gave none
   * @param consent the consent request's parameters (extra ones such as {@code token_access_type})
   */
  public record Grant(
      String account,
      Set<String> scopes,
      String accessToken,
      String refreshToken,
      Map<String, String> consent) {}

  private record Code(String clientId, String redirectUri, String challenge, Grant grant) {}

  /** The header the test's browser uses to say who signs in at the consent screen. */
  static final String ACCOUNT_HEADER = "X-Stand-In-Account";

  protected static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient BROWSER =
      new OkHttpClient.Builder().followRedirects(false).build();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  /** The provider's server: consent, token, revocation and API. */
  public final MockWebServer server = new MockWebServer();

  /** Every request the server received, in order. */
  public final List<RecordedRequest> calls = new CopyOnWriteArrayList<>();

  /** The registered OAuth client. */
  public final String clientId;

  /** The registered OAuth client's secret. */
  public final String clientSecret;

  /** The one redirect URI registered for the client. */
  public final URI redirectUri;

  private final String tokenPrefix;
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> byAccessToken = new ConcurrentHashMap<>();
  private final Map<String, Grant> byRefreshToken = new ConcurrentHashMap<>();
  private final Set<String> expired = ConcurrentHashMap.newKeySet();

  /**
   * Starts the stand-in on a loopback port, for the client {@code clientId} / {@code clientSecret}
   * registered with {@code redirectUri}; access tokens start with {@code tokenPrefix}, as the
   * provider's do.
   */
  protected OAuthStandIn(
      String tokenPrefix, String clientId, String clientSecret, URI redirectUri) {
    this.tokenPrefix = tokenPrefix;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            calls.add(request);
            return answer(request);
          }
        });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider's answer to {@code request}. */
  protected abstract MockResponse answer(RecordedRequest request);

  /**
   * The provider's token answer for {@code grant}; {@code newRefreshToken} is null when none is
   * sent.
   */
  protected abstract MockResponse tokenAnswer(
      Grant grant, String newRefreshToken, boolean refreshed);

  /** The provider's refusal at the token endpoint. */
  protected abstract MockResponse refusal(Refusal refusal, String detail);

  /** Whether a consent with {@code consent}'s parameters gets a refresh token (default: always). */
  protected boolean refreshTokenFor(Map<String, String> consent) {
    return true;
  }

  /** Whether a refresh answers a new refresh token and retires the old one (default: no). */
  protected boolean rotatesRefreshTokens() {
    return false;
  }

  /** The base URL of this stand-in, without a trailing slash. */
  public String url() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  /** The requests received for {@code path}, in order. */
  public List<RecordedRequest> callsTo(String path) {
    return calls.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
  }

  /** Whether {@code token} is a live access token. */
  public boolean isLive(String token) {
    return byAccessToken.containsKey(token);
  }

  /** Every live grant. */
  public List<Grant> grants() {
    return List.copyOf(new LinkedHashSet<>(byAccessToken.values()));
  }

  /** Ends the life of every access token issued so far, as time would (refresh tokens live on). */
  public void expireAccessTokens() {
    expired.addAll(byAccessToken.keySet());
    byAccessToken.clear();
  }

  /**
   * Plays the person's browser at the consent screen, signed in as {@code ann}; returns where it is
   * sent back.
   */
  public URI consent(URI consentUrl) {
    return consent(consentUrl, "ann");
  }

  /** {@link #consent(URI)} signed in as {@code account}. */
  public URI consent(URI consentUrl, String account) {
    Request request =
        new Request.Builder().url(HttpUrl.get(consentUrl)).header(ACCOUNT_HEADER, account).build();
    try (Response response = BROWSER.newCall(request).execute()) {
      if (response.code() != 302) {
        throw new AssertionError(
            "the consent screen answered " + response.code() + ": " + response.body().string());
      }
      return URI.create(response.header("Location"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The consent endpoint: refuses (an error page, as providers show rather than redirect) an
   * unknown client, a redirect URI other than the registered one, a response type other than {@code
   * code}, a PKCE method other than S256, and a missing {@code requiredParams}; otherwise sends the
   * browser back with a new code and the state. Scopes are read from {@code scopeParam}, split on
   * commas and spaces.
   */
  protected MockResponse authorize(
      RecordedRequest request, String scopeParam, Map<String, String> requiredParams) {
    HttpUrl url = request.getUrl();
    if (!clientId.equals(url.queryParameter("client_id"))) {
      return page(400, "Invalid client_id parameter");
    }
    if (!redirectUri.toString().equals(url.queryParameter("redirect_uri"))) {
      return page(400, "redirect_uri did not match any configured URIs");
    }
    if (!"code".equals(url.queryParameter("response_type"))) {
      return page(400, "response_type must be code");
    }
    String challenge = url.queryParameter("code_challenge");
    if (challenge != null && !"S256".equals(url.queryParameter("code_challenge_method"))) {
      return page(400, "code_challenge_method must be S256");
    }
    for (Map.Entry<String, String> required : requiredParams.entrySet()) {
      if (!required.getValue().equals(url.queryParameter(required.getKey()))) {
        return page(400, required.getKey() + " must be " + required.getValue());
      }
    }
    Map<String, String> consent = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      consent.put(name, url.queryParameter(name));
    }
    String scope = url.queryParameter(scopeParam);
    Set<String> scopes =
        scope == null
            ? Set.of()
            : new LinkedHashSet<>(Arrays.asList(scope.trim().split("[,\\s]+")));
    String account = request.getHeaders().get(ACCOUNT_HEADER);
    Grant grant = new Grant(account == null ? "ann" : account, scopes, null, null, consent);
    String code = random("code-");
    codes.put(code, new Code(clientId, url.queryParameter("redirect_uri"), challenge, grant));
    HttpUrl.Builder back = HttpUrl.get(redirectUri).newBuilder().addQueryParameter("code", code);
    if (url.queryParameter("state") != null) {
      back.addQueryParameter("state", url.queryParameter("state"));
    }
    return new MockResponse(302, Headers.of("Location", back.build().toString()), "");
  }

  /**
   * The token endpoint under {@code rules}: the authorization-code grant (client, redirect URI,
   * PKCE verifier checked; the code used up) and the refresh-token grant.
   */
  protected MockResponse token(RecordedRequest request, TokenRules rules) {
    if (!request.getMethod().equals("POST")) {
      return refusal(Refusal.INVALID_REQUEST, "The token endpoint takes POST only.");
    }
    String type = request.getHeaders().get("Content-Type");
    boolean isJson = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    boolean isForm =
        type != null
            && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    if ((isJson && !rules.json()) || (isForm && !rules.form()) || (!isJson && !isForm)) {
      return refusal(Refusal.INVALID_REQUEST, "Unsupported request encoding " + type + ".");
    }
    Map<String, String> params = isJson ? json(request) : form(body(request));
    String[] basic = basic(request);
    if (basic != null && !rules.basic()) {
      return refusal(
          Refusal.INVALID_CLIENT, "Client authentication by HTTP Basic is not accepted here.");
    }
    if (basic == null && params.containsKey("client_secret") && !rules.body()) {
      return refusal(
          Refusal.INVALID_CLIENT, "Client credentials in the body are not accepted here.");
    }
    String id = basic != null ? basic[0] : params.get("client_id");
    String secret = basic != null ? basic[1] : params.get("client_secret");
    if (!clientId.equals(id) || !clientSecret.equals(secret)) {
      return refusal(Refusal.INVALID_CLIENT, "Invalid client id or secret.");
    }
    String grantType = params.getOrDefault("grant_type", "");
    return switch (grantType) {
      case "authorization_code" -> redeem(params);
      case "refresh_token" -> refresh(params);
      default -> refusal(Refusal.INVALID_REQUEST, "Unsupported grant_type '" + grantType + "'.");
    };
  }

  private MockResponse redeem(Map<String, String> params) {
    Code code = params.get("code") == null ? null : codes.remove(params.get("code"));
    if (code == null || !code.clientId().equals(clientId)) {
      return refusal(Refusal.INVALID_GRANT, "The code is unknown, expired or already used.");
    }
    if (!code.redirectUri().equals(params.get("redirect_uri"))) {
      return refusal(
          Refusal.REDIRECT_URI_MISMATCH,
          "redirect_uri is not the one of the authorization request.");
    }
    if (code.challenge() != null) {
      String verifier = params.get("code_verifier");
      if (verifier == null
          || !VERIFIER.matcher(verifier).matches()
          || !s256(verifier).equals(code.challenge())) {
        return refusal(
            Refusal.PKCE_MISMATCH, "The code_verifier does not match the code_challenge.");
      }
    }
    Grant consented = code.grant();
    String refreshToken = refreshTokenFor(consented.consent()) ? random("refresh-") : null;
    Grant grant =
        issue(
            new Grant(
                consented.account(), consented.scopes(), null, refreshToken, consented.consent()));
    return tokenAnswer(grant, refreshToken, false);
  }

  private MockResponse refresh(Map<String, String> params) {
    String token = params.get("refresh_token");
    Grant current = token == null ? null : byRefreshToken.get(token);
    if (current == null) {
      return refusal(
          Refusal.INVALID_GRANT, "The refresh token is unknown, revoked or already used.");
    }
    byAccessToken.remove(current.accessToken());
    String refreshToken = current.refreshToken();
    if (rotatesRefreshTokens()) {
      byRefreshToken.remove(token);
      refreshToken = random("refresh-");
    }
    Grant grant =
        issue(
            new Grant(current.account(), current.scopes(), null, refreshToken, current.consent()));
    return tokenAnswer(grant, rotatesRefreshTokens() ? refreshToken : null, true);
  }

  private Grant issue(Grant grant) {
    Grant issued =
        new Grant(
            grant.account(),
            grant.scopes(),
            random(tokenPrefix),
            grant.refreshToken(),
            grant.consent());
    byAccessToken.put(issued.accessToken(), issued);
    if (issued.refreshToken() != null) {
      byRefreshToken.put(issued.refreshToken(), issued);
    }
    return issued;
  }

  /**
   * Ends the grant that {@code token} (an access or a refresh token) belongs to; false when none.
   */
  protected boolean revoke(String token) {
    Grant grant =
        token == null ? null : byAccessToken.getOrDefault(token, byRefreshToken.get(token));
    if (grant == null) {
      return false;
    }
    byAccessToken
        .values()
        .removeIf(
            g ->
                g.refreshToken() != null
                    ? g.refreshToken().equals(grant.refreshToken())
                    : g.accessToken().equals(grant.accessToken()));
    if (grant.refreshToken() != null) {
      byRefreshToken.remove(grant.refreshToken());
    }
    return true;
  }

  /**
   * The live grant of the access token {@code request} carries as {@code Authorization: <scheme>
   * <token>}.
   */
  protected Grant grant(RecordedRequest request, String scheme) {
    String token = credential(request, scheme);
    return token == null ? null : byAccessToken.get(token);
  }

  /** The live grant of {@code authorization}, an {@code Authorization} header value, or null. */
  protected Grant grantOf(String authorization, String scheme) {
    String token = credentialOf(authorization, scheme);
    return token == null ? null : byAccessToken.get(token);
  }

  /**
   * Whether {@code authorization} (an {@code Authorization} header value) carries an expired access
   * token.
   */
  protected boolean isExpired(String authorization, String scheme) {
    String token = credentialOf(authorization, scheme);
    return token != null && expired.contains(token);
  }

  /**
   * The credential of {@code Authorization: <scheme> <token>} (scheme case-insensitive), or null.
   */
  protected static String credential(RecordedRequest request, String scheme) {
    return credentialOf(request.getHeaders().get("Authorization"), scheme);
  }

  private static String credentialOf(String authorization, String scheme) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
      return null;
    }
    return authorization.substring(scheme.length() + 1).trim();
  }

  /**
   * Whether {@code request} carries an access token that has expired (rather than one never
   * issued).
   */
  protected boolean carriesExpiredToken(RecordedRequest request, String scheme) {
    String token = credential(request, scheme);
    return token != null && expired.contains(token);
  }

  /** A JSON answer. */
  protected static MockResponse json(int code, String body) {
    return new MockResponse(
        code, Headers.of("Content-Type", "application/json; charset=utf-8"), body);
  }

  /** A JSON answer with extra headers ({@code name, value, …}). */
  protected static MockResponse json(int code, String body, String... headers) {
    Headers.Builder all =
        new Headers.Builder().add("Content-Type", "application/json; charset=utf-8");
    for (int i = 0; i < headers.length; i += 2) {
      all.add(headers[i], headers[i + 1]);
    }
    return new MockResponse(code, all.build(), body);
  }

  /** An HTML error page, as a consent screen shows one. */
  protected static MockResponse page(int code, String message) {
    return new MockResponse(
        code,
        Headers.of("Content-Type", "text/html; charset=utf-8"),
        "<!doctype html><title>Error</title><p>" + message + "</p>");
  }

  /** The request body as text. */
  protected static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  /** The request body as JSON, null when it is not JSON. */
  protected static JsonNode jsonBody(RecordedRequest request) {
    try {
      return JSON.readTree(body(request));
    } catch (IOException e) {
      return null;
    }
  }

  /** Form fields of {@code body}. */
  protected static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static Map<String, String> json(RecordedRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    JsonNode node = jsonBody(request);
    if (node != null && node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> fields.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
    }
    return fields;
  }

  /**
   * The client id and secret of {@code Authorization: Basic} (RFC 6749 2.3.1 encoding), or null.
   */
  protected static String[] basic(RecordedRequest request) {
    String encoded = credential(request, "Basic");
    if (encoded == null) {
      return null;
    }
    String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return new String[] {decoded, ""};
    }
    return new String[] {
      URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
      URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
    };
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A random token with {@code prefix}. */
  protected static String random(String prefix) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() {
    server.close();
  }
}
