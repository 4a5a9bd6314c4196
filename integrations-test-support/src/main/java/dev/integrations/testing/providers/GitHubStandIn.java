package dev.integrations.testing.providers;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * GitHub as an OAuth app sees it (<a
 * href="https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps">authorizing
 * OAuth apps</a>): {@code /login/oauth/authorize}; {@code /login/oauth/access_token}, which takes
 * the client credentials in the body, answers form-encoded unless asked for {@code Accept:
 * application/json}, words its errors as HTTP 200 {@code error=bad_verification_code}…, and issues
 * tokens that never expire and no refresh token; and the REST API's {@code GET /user} and {@code
 * GET /user/repos}, which want a {@code User-Agent} and answer 401 {@code Bad credentials}, and a
 * tarball download that redirects to another host ({@code codeload.github.com}), as GitHub's does.
 * OAuth apps have no revocation endpoint for a user's token.
 */
public final class GitHubStandIn extends OAuthStandIn {
  /** Whether the token request being answered (on this dispatcher thread) asked for JSON. */
  private final ThreadLocal<Boolean> answersJson = new ThreadLocal<>();

  /** A GitHub OAuth app {@code clientId} with the one callback URL {@code redirectUri}. */
  public GitHubStandIn(String clientId, URI redirectUri) {
    super("gho_", clientId, clientId + "-secret", redirectUri);
  }

  @Override
  public String catalogOverrides() {
    return """
        github:
          authorization_url: %1$s/login/oauth/authorize
          token_url: %1$s/login/oauth/access_token
          base_url: %1$s
        """
        .formatted(url());
  }

  @Override
  public Map<String, String> env() {
    return Map.of("GITHUB_CLIENT_ID", clientId, "GITHUB_CLIENT_SECRET", clientSecret);
  }

  /** The numeric id of {@code account}. */
  public static long userId(String account) {
    return Math.abs((long) account.hashCode()) % 10_000_000L;
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/login/oauth/authorize")) {
      return authorize(request, "scope", Map.of());
    }
    if (path.equals("/login/oauth/access_token")) {
      answersJson.set(wantsJson(request));
      return token(request, new TokenRules(false, true, true, true));
    }
    String userAgent = request.getHeaders().get("User-Agent");
    if (userAgent == null || userAgent.isBlank()) {
      return new MockResponse(
          403,
          Headers.of("Content-Type", "text/plain"),
          "Request forbidden by administrative rules. Please make sure your request has a User-Agent header.");
    }
    Grant grant = grant(request, "Bearer");
    if (grant == null) {
      grant = grant(request, "token");
    }
    if (grant == null) {
      return json(
          401,
          "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\","
              + "\"status\":\"401\"}");
    }
    String scopes = String.join(", ", grant.scopes());
    return switch (path) {
      case "/user" ->
          json(
              200,
              """
          {"login": "%s", "id": %d, "type": "User", "name": "%s", "html_url": "https://github.com/%s"}
          """
                  .formatted(
                      grant.account(), userId(grant.account()), grant.account(), grant.account()),
              "X-OAuth-Scopes",
              scopes,
              "X-RateLimit-Limit",
              "5000",
              "X-RateLimit-Remaining",
              "4999");
      case "/user/repos" ->
          json(
              200,
              """
          [{"id": 1296269, "name": "hello-world", "full_name": "%s/hello-world", "private": false}]
          """
                  .formatted(grant.account()),
              "X-OAuth-Scopes",
              scopes,
              "X-RateLimit-Limit",
              "5000",
              "X-RateLimit-Remaining",
              "4998",
              "Link",
              "<" + url() + "/user/repos?page=2>; rel=\"next\"");
      case "/repos/octo/hello-world/tarball" ->
          new MockResponse(
              302,
              Headers.of(
                  "Location",
                  "https://codeload.github.com/octo/hello-world/legacy.tar.gz/refs/heads/main?token=short-lived"),
              "");
      default ->
          json(
              404,
              "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\","
                  + "\"status\":\"404\"}");
    };
  }

  @Override
  protected MockResponse tokenAnswer(Grant grant, String newRefreshToken, boolean refreshed) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("access_token", grant.accessToken());
    fields.put("token_type", "bearer");
    fields.put("scope", String.join(",", grant.scopes()));
    return encoded(fields);
  }

  @Override
  protected MockResponse refusal(Refusal refusal, String detail) {
    String error =
        switch (refusal) {
          case INVALID_CLIENT -> "incorrect_client_credentials";
          case INVALID_GRANT, PKCE_MISMATCH -> "bad_verification_code";
          case REDIRECT_URI_MISMATCH -> "redirect_uri_mismatch";
          case INVALID_REQUEST -> "unsupported_grant_type";
        };
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("error", error);
    fields.put("error_description", detail);
    fields.put(
        "error_uri",
        "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors");
    return encoded(fields); // HTTP 200, as GitHub answers its errors
  }

  @Override
  protected boolean refreshTokenFor(Map<String, String> consent) {
    return false; // OAuth app tokens never expire
  }

  private static boolean wantsJson(RecordedRequest request) {
    String accept = request.getHeaders().get("Accept");
    return accept != null && accept.contains("application/json");
  }

  /** The token endpoint's answer as JSON when asked for it, else GitHub's default, form-encoded. */
  private MockResponse encoded(Map<String, String> fields) {
    if (Boolean.TRUE.equals(answersJson.get())) {
      return json(200, JSON.valueToTree(fields).toString());
    }
    StringBuilder form = new StringBuilder();
    fields.forEach(
        (name, value) ->
            form.append(form.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return new MockResponse(
        200,
        Headers.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        form.toString());
  }
}
