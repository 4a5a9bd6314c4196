package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Slack as a Slack app with user scopes sees it (<a
 * href="https://api.slack.com/authentication/oauth-v2">OAuth v2</a>): {@code /oauth/v2/authorize}
 * with {@code user_scope}; {@code /api/oauth.v2.access} answering the user token nested in {@code
 * authed_user} (scopes comma-separated, no expiry) and every error as HTTP 200 {@code {"ok": false,
 * "error": …}}; {@code auth.test}, {@code auth.revoke} (the token as {@code Authorization: Bearer})
 * and {@code chat.postMessage} ({@code missing_scope}, {@code channel_not_found}, {@code
 * not_in_channel}), with injectable answers to a post ({@link #rateLimitNextPost}, {@link
 * #failNextPost}, {@link #refuseNextPost}) and revoked tokens ({@link #revokeToken}); {@link
 * #messages} records what was posted.
 */
public final class SlackStandIn extends OAuthStandIn {
  /**
   * A channel Slack does not know: {@code chat.postMessage} to it answers {@code
   * channel_not_found}.
   */
  public static final String UNKNOWN_CHANNEL = "C0NOTFOUND";

  /**
   * A channel the account is not a member of: {@code chat.postMessage} to it answers {@code
   * not_in_channel}.
   */
  public static final String NOT_MEMBER_CHANNEL = "C0NOTMEMBER";

  /** The workspace every account belongs to. */
  public static final String TEAM = "Acme Workspace";

  /** What {@code chat.postMessage} received and posted; its injected answers. */
  public final SendFaults messages = new SendFaults();

  private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();

  /** A Slack app {@code clientId} with the one redirect URI {@code redirectUri}. */
  public SlackStandIn(String clientId, URI redirectUri) {
    super("xoxp-", clientId, clientId + "-secret", redirectUri);
  }

  @Override
  public String catalogOverrides() {
    return """
        slack:
          authorization_url: %1$s/oauth/v2/authorize
          token_url: %1$s/api/oauth.v2.access
          revocation_url: %1$s/api/auth.revoke
          base_url: %1$s/api
        """
        .formatted(url());
  }

  @Override
  public Map<String, String> env() {
    return Map.of("SLACK_CLIENT_ID", clientId, "SLACK_CLIENT_SECRET", clientSecret);
  }

  /**
   * The next {@code chat.postMessage} is turned away as Slack's rate limiter does: HTTP 429, {@code
   * Retry-After: <seconds>}, {@code {"ok": false, "error": "ratelimited"}}; nothing is posted.
   */
  public void rateLimitNextPost(int retryAfterSeconds) {
    messages.queue(
        json(
            429,
            "{\"ok\":false,\"error\":\"ratelimited\"}",
            "Retry-After",
            String.valueOf(retryAfterSeconds)));
  }

  /**
   * The next {@code chat.postMessage} fails with HTTP {@code status} (a 5xx), as an outage does.
   */
  public void failNextPost(int status) {
    messages.queue(json(status, "<html><body>Service Unavailable</body></html>"));
  }

  /** The next {@code chat.postMessage} answers HTTP 200 {@code {"ok": false, "error": error}}. */
  public void refuseNextPost(String error) {
    messages.queue(error(error));
  }

  /**
   * Revokes {@code token} as {@code auth.revoke} or an admin would: every later call answers {@code
   * token_revoked}.
   */
  public void revokeToken(String token) {
    revoke(token);
    revokedTokens.add(token);
  }

  /** The Slack user id of {@code account}. */
  public static String userId(String account) {
    return "U" + Integer.toHexString(account.hashCode()).toUpperCase(Locale.ROOT);
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/oauth/v2/authorize")) {
      return authorize(request, "user_scope", Map.of());
    }
    if (path.equals("/api/oauth.v2.access")) {
      return token(request, new TokenRules(true, true, true, false));
    }
    if (!path.startsWith("/api/")) {
      return page(404, "Not found");
    }
    String token = credential(request, "Bearer");
    if (token == null) {
      return error("not_authed");
    }
    Grant grant = grant(request, "Bearer");
    if (grant == null) {
      return error(revokedTokens.contains(token) ? "token_revoked" : "invalid_auth");
    }
    return switch (path) {
      case "/api/auth.test" ->
          ok(
              "\"url\":\"https://acme.slack.com/\",\"team\":\""
                  + TEAM
                  + "\",\"user\":\""
                  + grant.account()
                  + "\",\"team_id\":\"T0ACME\",\"user_id\":\""
                  + userId(grant.account())
                  + "\"");
      case "/api/auth.revoke" -> {
        revoke(token);
        revokedTokens.add(token);
        yield ok("\"revoked\":true");
      }
      case "/api/chat.postMessage" -> postMessage(request, grant);
      default -> error("unknown_method");
    };
  }

  private MockResponse postMessage(RecordedRequest request, Grant grant) {
    if (!grant.scopes().contains("chat:write")) {
      return json(
          200,
          "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\",\"provided\":\""
              + String.join(",", grant.scopes())
              + "\"}");
    }
    String type = request.getHeaders().get("Content-Type");
    JsonNode body = type != null && type.startsWith("application/json") ? jsonBody(request) : null;
    Map<String, String> form =
        type != null && type.startsWith("application/x-www-form-urlencoded")
            ? form(body(request))
            : Map.of();
    String channel = body != null ? body.path("channel").asText(null) : form.get("channel");
    String text = body != null ? body.path("text").asText(null) : form.get("text");
    if (channel == null) {
      return error("channel_not_found");
    }
    if (text == null || text.isEmpty()) {
      return error("no_text");
    }
    MockResponse injected = messages.attempt(text);
    if (injected != null) {
      return injected;
    }
    if (channel.equals(UNKNOWN_CHANNEL)) {
      return error("channel_not_found");
    }
    if (channel.equals(NOT_MEMBER_CHANNEL)) {
      return error("not_in_channel");
    }
    messages.deliver(text);
    return ok(
        "\"channel\":\""
            + channel
            + "\",\"ts\":\"1700000000.000100\",\"message\":{\"type\":\"message\","
            + "\"user\":\""
            + userId(grant.account())
            + "\",\"text\":"
            + JSON.valueToTree(text)
            + "}");
  }

  @Override
  protected MockResponse tokenAnswer(Grant grant, String newRefreshToken, boolean refreshed) {
    return json(
        200,
        """
        {"ok": true, "app_id": "A0ACME", "authed_user": {"id": "%s", "scope": "%s", "access_token": "%s",
         "token_type": "user"}, "team": {"id": "T0ACME", "name": "%s"}, "enterprise": null,
         "is_enterprise_install": false}
        """
            .formatted(
                userId(grant.account()),
                String.join(",", grant.scopes()),
                grant.accessToken(),
                TEAM));
  }

  @Override
  protected MockResponse refusal(Refusal refusal, String detail) {
    return error(
        switch (refusal) {
          case INVALID_CLIENT -> "bad_client_secret";
          case INVALID_GRANT -> "invalid_code";
          case REDIRECT_URI_MISMATCH -> "bad_redirect_uri";
          case PKCE_MISMATCH -> "invalid_code_verifier";
          case INVALID_REQUEST -> "invalid_arguments";
        });
  }

  @Override
  protected boolean refreshTokenFor(Map<String, String> consent) {
    return false; // user tokens without token rotation never expire
  }

  private static MockResponse ok(String fields) {
    return json(200, "{\"ok\":true," + fields + "}");
  }

  private static MockResponse error(String error) {
    return json(200, "{\"ok\":false,\"error\":\"" + error + "\"}");
  }
}
