package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * Dropbox (<a href="https://developers.dropbox.com/oauth-guide">OAuth guide</a>, <a
 * href="https://www.dropbox.com/developers/documentation/http/documentation">HTTP API</a>): a
 * refresh token only for {@code token_access_type=offline}, short-lived access tokens ({@code
 * expires_in} 14400), refresh answers without {@code refresh_token}; RPC endpoints that take POST
 * only, no body at all for {@code users/get_current_account} and {@code auth/token/revoke} (or
 * {@code null} as JSON), a JSON body with {@code Content-Type: application/json} for {@code
 * files/list_folder}, anything else refused with Dropbox's plain-text 400; 401 {@code
 * expired_access_token} / {@code invalid_access_token} in the {@code error_summary} shape.
 *
 * <p>Files ({@code files/list_folder}, {@code search_v2} and their {@code continue} calls; uploads
 * and upload sessions on the content host, a {@link ContentHost} named by the entry's {@code
 * content_url}) are {@link DropboxStore}. {@link #failNext} plans 429s (with {@code Retry-After})
 * and 5xx answers, before or after the stand-in acted.
 */
public final class DropboxStandIn extends OAuthStandIn {
  private final PlannedFailures failures = new PlannedFailures();
  private final DropboxStore store = new DropboxStore(failures, this::contentAccount);

  /** A Dropbox app {@code clientId} (app key) with the one redirect URI {@code redirectUri}. */
  public DropboxStandIn(String clientId, URI redirectUri) {
    super("sl.u.", clientId, clientId + "-secret", redirectUri);
  }

  @Override
  public String catalogOverrides() {
    return """
        dropbox:
          authorization_url: %1$s/oauth2/authorize
          token_url: %1$s/oauth2/token
          revocation_url: %1$s/2/auth/token/revoke
          base_url: %1$s/2
          content_url: %2$s/2
        """
        .formatted(url(), store.content.url());
  }

  @Override
  public Map<String, String> env() {
    return Map.of("DROPBOX_CLIENT_ID", clientId, "DROPBOX_CLIENT_SECRET", clientSecret);
  }

  /** The account id of {@code account}. */
  public static String accountId(String account) {
    return "dbid:AAH" + Integer.toHexString(account.hashCode());
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/oauth2/authorize")) {
      return authorize(request, "scope", Map.of());
    }
    if (path.equals("/oauth2/token")) {
      return token(request, new TokenRules(true, true, true, false));
    }
    if (!request.getMethod().equals("POST")) {
      return text(405, "Request method must be POST.");
    }
    Grant grant = grant(request, "Bearer");
    if (grant == null) {
      String tag =
          carriesExpiredToken(request, "Bearer") ? "expired_access_token" : "invalid_access_token";
      return json(
          401,
          "{\"error_summary\": \"" + tag + "/..\", \"error\": {\".tag\": \"" + tag + "\"}}",
          "WWW-Authenticate",
          "Bearer");
    }
    String function = path.substring(path.indexOf('/', 1) + 1);
    return switch (path) {
      case "/2/users/get_current_account" -> {
        MockResponse refused = noArguments(request, function);
        yield refused != null
            ? refused
            : json(
                200,
                """
            {"account_id": "%s", "name": {"given_name": "%s", "surname": "Example", "familiar_name": "%s",
             "display_name": "%s Example", "abbreviated_name": "AE"}, "email": "%s@example.com",
             "email_verified": true, "disabled": false, "country": "DE", "locale": "en"}
            """
                    .formatted(
                        accountId(grant.account()),
                        grant.account(),
                        grant.account(),
                        grant.account(),
                        grant.account()));
      }
      case "/2/auth/token/revoke" -> {
        MockResponse refused = noArguments(request, function);
        if (refused != null) {
          yield refused;
        }
        revoke(credential(request, "Bearer"));
        yield json(200, "null");
      }
      case "/2/files/list_folder",
          "/2/files/list_folder/continue",
          "/2/files/search_v2",
          "/2/files/search/continue_v2" ->
          listFolder(request, grant, function);
      default -> text(404, "Unknown API function: \"" + function + "\"");
    };
  }

  private MockResponse listFolder(RecordedRequest request, Grant grant, String function) {
    if (!grant.scopes().contains("files.metadata.read")) {
      return json(
          401,
          "{\"error_summary\": \"missing_scope/.\", \"error\": {\".tag\": \"missing_scope\","
              + " \"required_scope\": \"files.metadata.read\"}}");
    }
    String type = request.getHeaders().get("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return badContentType(function, type);
    }
    JsonNode arguments = jsonBody(request);
    if (function.equals("files/list_folder")
        && (arguments == null || !arguments.path("path").isTextual())) {
      return text(
          400,
          "Error in call to API function \""
              + function
              + "\": request body: missing required field 'path'");
    }
    if (arguments == null || !arguments.isObject()) {
      return text(
          400,
          "Error in call to API function \""
              + function
              + "\": request body: could not decode input as JSON");
    }
    PlannedFailures.Failure failure = failures.take("list");
    if (failure != null) {
      return failure.status() == 429
          ? json(
              429,
              "{\"error_summary\": \"too_many_requests/..\", \"error\": {\"reason\": {\".tag\":"
                  + " \"too_many_requests\"}, \"retry_after\": 1}}",
              "Retry-After",
              failure.retryAfter() == null ? "1" : failure.retryAfter())
          : text(failure.status(), "Internal Server Error");
    }
    String[] answer = store.rpc(grant.account(), function, arguments);
    return answer[0].equals("400")
        ? text(400, answer[1])
        : json(Integer.parseInt(answer[0]), answer[1]);
  }

  /**
   * The next {@code times} calls of {@code endpoint} answer {@code status}: {@code list} (listing
   * and search), {@code upload}, {@code start}, {@code append}, {@code finish}; with {@code
   * retryAfter} (seconds) when not null. With {@code afterActing} the stand-in first does the work
   * (stores the chunk, commits the file), as a provider failing after the fact does.
   */
  public void failNext(
      String endpoint, int status, int times, String retryAfter, boolean afterActing) {
    failures.plan(endpoint, new PlannedFailures.Failure(status, retryAfter, afterActing), times);
  }

  /** The files {@code account} uploaded, in order (the seeded {@code report.pdf} not included). */
  public List<StoredFile> files(String account) {
    return List.copyOf(store.files.getOrDefault(account, List.of()));
  }

  /**
   * The content host ({@code content.dropboxapi.com}): the requests it received, without their
   * bodies.
   */
  public ContentHost contentHost() {
    return store.content;
  }

  @Override
  public void close() {
    store.content.close();
    super.close();
  }

  private String contentAccount(String authorization, ContentHost.Reply[] refusal) {
    Grant grant = grantOf(authorization, "Bearer");
    if (grant == null) {
      String tag =
          isExpired(authorization, "Bearer") ? "expired_access_token" : "invalid_access_token";
      refusal[0] =
          ContentHost.Reply.json(
              401,
              "{\"error_summary\": \"" + tag + "/..\", \"error\": {\".tag\": \"" + tag + "\"}}",
              "WWW-Authenticate",
              "Bearer");
      return null;
    }
    if (!grant.scopes().contains("files.content.write")) {
      refusal[0] =
          ContentHost.Reply.json(
              401,
              "{\"error_summary\": \"missing_scope/.\", \"error\": {\".tag\":"
                  + " \"missing_scope\", \"required_scope\": \"files.content.write\"}}");
      return null;
    }
    return grant.account();
  }

  /**
   * Dropbox's rule for functions without arguments: no body (and no type), or {@code null} as JSON.
   */
  private static MockResponse noArguments(RecordedRequest request, String function) {
    String type = request.getHeaders().get("Content-Type");
    String body = body(request);
    if (type == null) {
      return body.isEmpty()
          ? null
          : text(
              400,
              "Error in call to API function \"" + function + "\": request body: expected no body");
    }
    if (!type.startsWith("application/json")) {
      return badContentType(function, type);
    }
    return body.strip().equals("null")
        ? null
        : text(
            400,
            "Error in call to API function \""
                + function
                + "\": request body: could not decode input as JSON");
  }

  private static MockResponse badContentType(String function, String type) {
    return text(
        400,
        "Error in call to API function \""
            + function
            + "\": Bad HTTP \"Content-Type\" header: \""
            + type
            + "\".  Expecting one of \"application/json\", \"application/json; charset=utf-8\","
            + " \"text/plain; charset=dropbox-cors-hack\".");
  }

  @Override
  protected MockResponse tokenAnswer(Grant grant, String newRefreshToken, boolean refreshed) {
    return json(
        200,
        "{\"access_token\": \""
            + grant.accessToken()
            + "\", \"expires_in\": 14400,"
            + " \"token_type\": \"bearer\", \"scope\": \""
            + String.join(" ", grant.scopes())
            + "\","
            + (refreshed || grant.refreshToken() == null
                ? ""
                : " \"refresh_token\": \"" + grant.refreshToken() + "\",")
            + " \"account_id\": \""
            + accountId(grant.account())
            + "\", \"uid\": \"12345\"}");
  }

  @Override
  protected MockResponse refusal(Refusal refusal, String detail) {
    return switch (refusal) {
      case INVALID_CLIENT ->
          json(
              400,
              "{\"error\": \"invalid_client\", \"error_description\": \"Invalid client_id or"
                  + " client_secret\"}");
      case INVALID_GRANT ->
          json(
              400,
              "{\"error\": \"invalid_grant\", \"error_description\": \"code doesn't exist or"
                  + " has expired\"}");
      case REDIRECT_URI_MISMATCH ->
          json(
              400,
              "{\"error\": \"invalid_grant\", \"error_description\":"
                  + " \"redirect_uri mismatch\"}");
      case PKCE_MISMATCH ->
          json(
              400,
              "{\"error\": \"invalid_grant\", \"error_description\": \"invalid code"
                  + " verifier\"}");
      case INVALID_REQUEST ->
          json(400, "{\"error\": \"invalid_request\", \"error_description\": \"" + detail + "\"}");
    };
  }

  @Override
  protected boolean refreshTokenFor(Map<String, String> consent) {
    return "offline".equals(consent.get("token_access_type"));
  }

  private static MockResponse text(int status, String message) {
    return new MockResponse(
        status, Headers.of("Content-Type", "text/plain; charset=utf-8"), message);
  }
}
