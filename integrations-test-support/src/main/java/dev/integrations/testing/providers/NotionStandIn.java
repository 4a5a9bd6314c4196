package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Notion as a public integration sees it (<a
 * href="https://developers.notion.com/docs/authorization">authorization</a>): {@code
 * /v1/oauth/authorize} wants {@code owner=user}; {@code /v1/oauth/token} and {@code
 * /v1/oauth/revoke} take the client by HTTP Basic only and a JSON body only; the token answer names
 * the bot and the workspace, with no expiry and no refresh token. The API ({@code GET
 * /v1/users/me}, {@code POST /v1/search}) refuses a request without {@code Notion-Version} (400
 * {@code missing_version}) and a bad token with 401 {@code unauthorized}, in Notion's {@code
 * {"object": "error"}} shape.
 */
public final class NotionStandIn extends OAuthStandIn {
  /** The {@code Notion-Version} values this stand-in knows. */
  private static final java.util.Set<String> VERSIONS =
      java.util.Set.of("2022-06-28", "2025-09-03");

  /** A Notion public integration {@code clientId} with the one redirect URI {@code redirectUri}. */
  public NotionStandIn(String clientId, URI redirectUri) {
    super("ntn_", clientId, clientId + "-secret", redirectUri);
  }

  @Override
  public String catalogOverrides() {
    return """
        notion:
          authorization_url: %1$s/v1/oauth/authorize
          token_url: %1$s/v1/oauth/token
          revocation_url: %1$s/v1/oauth/revoke
          base_url: %1$s/v1
        """
        .formatted(url());
  }

  @Override
  public Map<String, String> env() {
    return Map.of("NOTION_CLIENT_ID", clientId, "NOTION_CLIENT_SECRET", clientSecret);
  }

  /** The workspace name of {@code account}. */
  public static String workspace(String account) {
    return account + "'s Notion";
  }

  /** The integration's bot user id in {@code account}'s workspace. */
  public static String botId(String account) {
    return UUID.nameUUIDFromBytes(
            ("bot-" + account).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    switch (path) {
      case "/v1/oauth/authorize":
        return authorize(request, "scope", Map.of("owner", "user"));
      case "/v1/oauth/token":
        return token(request, new TokenRules(true, false, false, true));
      case "/v1/oauth/revoke":
        return revokeToken(request);
      default:
        break;
    }
    String version = request.getHeaders().get("Notion-Version");
    if (version == null) {
      return apiError(
          400,
          "missing_version",
          "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
    }
    if (!VERSIONS.contains(version)) {
      return apiError(
          400, "invalid_request_url", "Notion-Version " + version + " is not supported.");
    }
    Grant grant = grant(request, "Bearer");
    if (grant == null) {
      return apiError(401, "unauthorized", "API token is invalid.");
    }
    return switch (path) {
      case "/v1/users/me" ->
          json(
              200,
              """
          {"object": "user", "id": "%s", "name": "Acme Sync", "avatar_url": null, "type": "bot",
           "bot": {"owner": {"type": "user", "user": {"object": "user", "id": "%s"}}, "workspace_name": "%s"},
           "request_id": "%s"}
          """
                  .formatted(
                      botId(grant.account()),
                      UUID.randomUUID(),
                      workspace(grant.account()),
                      UUID.randomUUID()));
      case "/v1/search" ->
          request.getMethod().equals("POST")
              ? json(
                  200,
                  "{\"object\": \"list\", \"results\": [{\"object\": \"page\", \"id\": \"59833787-2cf9-4fdf-8782-e53db20768a5\"}],"
                      + " \"next_cursor\": null, \"has_more\": false, \"type\": \"page_or_database\", \"page_or_database\": {}}")
              : apiError(400, "invalid_request_url", "Invalid request URL.");
      default -> apiError(404, "object_not_found", "Could not find " + path + ".");
    };
  }

  private MockResponse revokeToken(RecordedRequest request) {
    String[] basic = basic(request);
    if (basic == null || !basic[0].equals(clientId) || !basic[1].equals(clientSecret)) {
      return json(
          401,
          "{\"error\": \"invalid_client\", \"error_description\": \"Client authentication failed.\"}");
    }
    JsonNode body = jsonBody(request);
    String token = body == null ? null : body.path("token").asText(null);
    if (token == null) {
      return json(
          400,
          "{\"error\": \"invalid_request\", \"error_description\": \"body.token should be defined.\"}");
    }
    if (!revoke(token)) {
      return json(
          400,
          "{\"error\": \"invalid_grant\", \"error_description\": \"Token is invalid or revoked.\"}");
    }
    return json(200, "{\"request_id\": \"" + UUID.randomUUID() + "\"}");
  }

  @Override
  protected MockResponse tokenAnswer(Grant grant, String newRefreshToken, boolean refreshed) {
    return json(
        200,
        """
        {"access_token": "%s", "token_type": "bearer", "bot_id": "%s", "workspace_name": "%s",
         "workspace_icon": null, "workspace_id": "%s", "owner": {"type": "user", "user": {"object": "user",
         "id": "%s", "name": "%s"}}, "duplicated_template_id": null, "request_id": "%s"}
        """
            .formatted(
                grant.accessToken(),
                botId(grant.account()),
                workspace(grant.account()),
                UUID.randomUUID(),
                UUID.randomUUID(),
                grant.account(),
                UUID.randomUUID()));
  }

  @Override
  protected MockResponse refusal(Refusal refusal, String detail) {
    return switch (refusal) {
      case INVALID_CLIENT ->
          json(401, "{\"error\": \"invalid_client\", \"error_description\": \"" + detail + "\"}");
      case INVALID_GRANT, PKCE_MISMATCH ->
          json(400, "{\"error\": \"invalid_grant\", \"error_description\": \"" + detail + "\"}");
      case REDIRECT_URI_MISMATCH ->
          json(
              400,
              "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid"
                  + " redirect_uri.\"}");
      case INVALID_REQUEST ->
          json(400, "{\"error\": \"invalid_request\", \"error_description\": \"" + detail + "\"}");
    };
  }

  @Override
  protected boolean refreshTokenFor(Map<String, String> consent) {
    return false;
  }

  private static MockResponse apiError(int status, String code, String message) {
    return json(
        status,
        "{\"object\": \"error\", \"status\": "
            + status
            + ", \"code\": \""
            + code
            + "\", \"message\": \""
            + message
            + "\", \"request_id\": \""
            + UUID.randomUUID()
            + "\"}");
  }
}
