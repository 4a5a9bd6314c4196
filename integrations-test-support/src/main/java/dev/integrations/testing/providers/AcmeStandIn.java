package dev.integrations.testing.providers;

import java.net.URI;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A made-up provider that follows the RFCs to the letter, for a catalog entry added with no code
 * (the "Add a provider" guide's {@code acme}): {@code /oauth/authorize}; {@code /oauth/token} with
 * HTTP Basic client authentication only and form requests (RFC 6749), answering errors with 400 or
 * 401 and {@code error}; {@code /oauth/revoke} (RFC 7009: form, Basic, 200 for any token); the API
 * under {@code /api/v1} with {@code GET /me} and {@code GET /projects}, 401 with {@code
 * WWW-Authenticate} for a bad token.
 */
public final class AcmeStandIn extends OAuthStandIn {
  /** An Acme OAuth client {@code clientId} with the one redirect URI {@code redirectUri}. */
  public AcmeStandIn(String clientId, URI redirectUri) {
    super("acme-", clientId, clientId + "-secret", redirectUri);
  }

  /**
   * The guide's example points at {@code https://auth.acme.example} and {@code
   * https://api.acme.example}.
   */
  @Override
  public String catalogOverrides() {
    return """
        acme:
          authorization_url: %1$s/oauth/authorize
          token_url: %1$s/oauth/token
          revocation_url: %1$s/oauth/revoke
          base_url: %1$s/api/v1
        """
        .formatted(url());
  }

  @Override
  public Map<String, String> env() {
    return Map.of("ACME_CLIENT_ID", clientId, "ACME_CLIENT_SECRET", clientSecret);
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    switch (path) {
      case "/oauth/authorize":
        return authorize(request, "scope", Map.of());
      case "/oauth/token":
        return token(request, new TokenRules(true, false, true, false));
      case "/oauth/revoke":
        return revokeToken(request);
      default:
        break;
    }
    Grant grant = grant(request, "Bearer");
    if (grant == null) {
      return json(
          401,
          "{\"error\": \"invalid_token\"}",
          "WWW-Authenticate",
          "Bearer error=\"invalid_token\"");
    }
    return switch (path) {
      case "/api/v1/me" ->
          json(
              200,
              "{\"id\": \"u-" + grant.account() + "\", \"username\": \"" + grant.account() + "\"}");
      case "/api/v1/projects" ->
          json(200, "[{\"id\": 1, \"name\": \"Rocket\"}]", "X-RateLimit-Remaining", "99");
      default -> json(404, "{\"error\": \"not_found\"}");
    };
  }

  private MockResponse revokeToken(RecordedRequest request) {
    String[] basic = basic(request);
    if (basic == null || !basic[0].equals(clientId) || !basic[1].equals(clientSecret)) {
      return json(401, "{\"error\": \"invalid_client\"}", "WWW-Authenticate", "Basic");
    }
    String token = form(body(request)).get("token");
    if (token == null) {
      return json(400, "{\"error\": \"invalid_request\"}");
    }
    revoke(token); // RFC 7009 2.2: an unknown token is answered 200 too
    return new MockResponse(200, okhttp3.Headers.of(), "");
  }

  @Override
  protected MockResponse tokenAnswer(Grant grant, String newRefreshToken, boolean refreshed) {
    return json(
        200,
        "{\"access_token\": \""
            + grant.accessToken()
            + "\", \"token_type\": \"Bearer\","
            + " \"expires_in\": 3600, \"scope\": \""
            + String.join(" ", grant.scopes())
            + "\""
            + (newRefreshToken == null && refreshed
                ? ""
                : ", \"refresh_token\": \"" + grant.refreshToken() + "\"")
            + "}");
  }

  @Override
  protected MockResponse refusal(Refusal refusal, String detail) {
    return switch (refusal) {
      case INVALID_CLIENT ->
          json(401, "{\"error\": \"invalid_client\"}", "WWW-Authenticate", "Basic");
      case INVALID_GRANT, REDIRECT_URI_MISMATCH, PKCE_MISMATCH ->
          json(
              400,
              "{\"error\": \"invalid_grant\"," + " \"error_description\": \"" + detail + "\"}");
      case INVALID_REQUEST ->
          json(400, "{\"error\": \"invalid_request\", \"error_description\": \"" + detail + "\"}");
    };
  }
}
