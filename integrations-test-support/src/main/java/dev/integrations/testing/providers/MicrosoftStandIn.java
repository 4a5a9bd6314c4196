package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * The Microsoft identity platform and Microsoft Graph, for the three catalog entries that share one
 * Microsoft client (Outlook, OneDrive, Teams) (<a
 * href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">auth code
 * flow</a>): {@code /{tenant}/oauth2/v2.0/authorize} and {@code /token} for one tenant only
 * (another is {@code AADSTS90002}); form requests only; a {@code scope} in token answers without
 * {@code offline_access} (which alone earns a refresh token); refresh-token rotation, the old
 * refresh token refused afterwards (stricter than Microsoft, which lets it live out its lifetime);
 * errors with {@code AADSTS} codes and {@code error_codes}. Graph's {@code /v1.0/me} needs {@code
 * User.Read}, {@code /v1.0/me/messages} {@code Mail.Read}, {@code /v1.0/me/drive/root/children} a
 * {@code Files.} scope, and {@code /v1.0/me/chats} {@code Chat.ReadWrite}; a missing scope is 403
 * {@code ErrorAccessDenied}. Teams' channel and chat messages are {@link #teams}. Microsoft has no
 * revocation endpoint for one grant.
 *
 * <p>Outlook mail ({@code POST /me/sendMail}, {@code GET /me/messages} with {@code $search}) is
 * {@link OutlookMailbox}; OneDrive files (children, search, simple uploads, upload sessions whose
 * chunks go to a separate {@link ContentHost} without a token) are {@link OneDriveStore}. {@link
 * #failNext} plans 429s (with {@code Retry-After}) and 5xx answers, before or after the stand-in
 * acted.
 */
public final class MicrosoftStandIn extends OAuthStandIn {
  private static final Pattern IDENTITY =
      Pattern.compile("/([^/]+)/oauth2/v2\\.0/(authorize|token)");
  private static final Set<String> NOT_IN_ANSWERS =
      Set.of("offline_access", "openid", "profile", "email");

  /** The one tenant this directory answers for. */
  public final String tenant;

  /** Teams' channel and chat messages in Graph. */
  public final TeamsGraph teams = new TeamsGraph();

  private final PlannedFailures failures = new PlannedFailures();
  private final OutlookMailbox mailbox = new OutlookMailbox();
  private final OneDriveStore drive = new OneDriveStore(failures);

  /**
   * A Microsoft app registration {@code clientId} with one redirect URI, in {@code tenant} ({@code
   * common}…).
   */
  public MicrosoftStandIn(String clientId, URI redirectUri, String tenant) {
    super("EwB", clientId, clientId + "-secret", redirectUri);
    this.tenant = tenant;
  }

  @Override
  public String catalogOverrides() {
    StringBuilder yaml = new StringBuilder();
    for (String key : new String[] {"outlook", "onedrive", "microsoft_teams"}) {
      yaml.append(
          """
          %2$s:
            authorization_url: "%1$s/{tenant}/oauth2/v2.0/authorize"
            token_url: "%1$s/{tenant}/oauth2/v2.0/token"
            base_url: %1$s/v1.0
          """
              .formatted(url(), key));
    }
    return yaml.toString();
  }

  @Override
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("MICROSOFT_CLIENT_ID", clientId);
    env.put("MICROSOFT_CLIENT_SECRET", clientSecret);
    if (!tenant.equals("common")) {
      env.put("MICROSOFT_TENANT", tenant);
    }
    return env;
  }

  /** The user principal name of {@code account}. */
  public static String principal(String account) {
    return account + "@contoso.onmicrosoft.com";
  }

  /** The object id of {@code account}. */
  public static String objectId(String account) {
    return UUID.nameUUIDFromBytes(account.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    Matcher identity = IDENTITY.matcher(path);
    if (identity.matches()) {
      if (!identity.group(1).equals(tenant)) {
        return identity.group(2).equals("authorize")
            ? page(400, "AADSTS90002: Tenant '" + identity.group(1) + "' not found.")
            : error(400, "invalid_request", 90002, "Tenant '" + identity.group(1) + "' not found.");
      }
      return identity.group(2).equals("authorize")
          ? authorize(request, "scope", Map.of())
          : token(request, new TokenRules(true, true, true, false));
    }
    Grant grant = grant(request, "Bearer");
    if (grant == null) {
      String message =
          carriesExpiredToken(request, "Bearer")
              ? "Lifetime validation failed, the token is expired."
              : "IDX14100: JWT is not well formed.";
      return graphError(401, "InvalidAuthenticationToken", message);
    }
    if (TeamsGraph.serves(request)) {
      return teams.answer(request, grant.scopes());
    }
    String decoded = OneDriveStore.decode(path);
    if (OneDriveStore.handles(decoded)) {
      return grant.scopes().stream().anyMatch(scope -> scope.startsWith("Files."))
          ? planned(
              "drive",
              () -> {
                String[] answered = drive.answer(grant.account(), request, decoded);
                return json(Integer.parseInt(answered[0]), answered[1]);
              })
          : denied();
    }
    return switch (path) {
      case "/v1.0/me" ->
          requires(grant, "User.Read")
              ? json(
                  200,
                  """
          {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity", "businessPhones": [],
           "displayName": "%s Example", "givenName": "%s", "mail": "%s", "userPrincipalName": "%s", "id": "%s"}
          """
                      .formatted(
                          grant.account(),
                          grant.account(),
                          principal(grant.account()),
                          principal(grant.account()),
                          objectId(grant.account())))
              : denied();
      case "/v1.0/me/messages" ->
          grant.scopes().contains("Mail.Read")
              ? planned(
                  "messages",
                  () -> {
                    String[] listed = mailbox.list(request);
                    return json(Integer.parseInt(listed[0]), listed[1]);
                  })
              : denied();
      case "/v1.0/me/sendMail" ->
          !request.getMethod().equals("POST")
              ? graphError(
                  405,
                  "Request_BadRequest",
                  "Specified HTTP method is not allowed for the request target.")
              : grant.scopes().contains("Mail.Send") ? sendMail(grant, request) : denied();
      case "/v1.0/me/chats" ->
          grant.scopes().contains("Chat.ReadWrite")
              ? json(
                  200, "{\"value\": [{\"id\": \"19:meeting@thread.v2\", \"chatType\": \"group\"}]}")
              : denied();
      default ->
          graphError(404, "Request_ResourceNotFound", "Resource '" + path + "' does not exist.");
    };
  }

  /**
   * The next {@code times} calls of {@code endpoint} answer {@code status}: {@code sendMail},
   * {@code messages}, {@code drive} (any OneDrive call on Graph) or {@code chunk} (a chunk sent to
   * an upload session); with {@code retryAfter} (seconds) when not null. With {@code afterActing}
   * the stand-in first does the work (sends the mail, stores the chunk), as a provider failing
   * after the fact does.
   */
  public void failNext(
      String endpoint, int status, int times, String retryAfter, boolean afterActing) {
    failures.plan(endpoint, new PlannedFailures.Failure(status, retryAfter, afterActing), times);
  }

  /** The messages sent through {@code /me/sendMail} by {@code account}, as Graph received them. */
  public List<JsonNode> sentMail(String account) {
    return mailbox.sent.stream()
        .filter(s -> s.account().equals(account))
        .map(OutlookMailbox.Sent::message)
        .toList();
  }

  /**
   * The files {@code account} uploaded to OneDrive, in order (the seeded {@code report.pdf} not
   * included).
   */
  public List<StoredFile> files(String account) {
    return List.copyOf(drive.files.getOrDefault(account, List.of()));
  }

  /** The host of upload sessions: the requests it received, without their bodies. */
  public ContentHost uploadHost() {
    return drive.uploads;
  }

  private MockResponse sendMail(Grant grant, RecordedRequest request) {
    PlannedFailures.Failure failure = failures.take("sendMail");
    if (failure != null && !failure.afterActing()) {
      return failed(failure);
    }
    String[] refused = mailbox.send(grant.account(), request);
    if (refused != null) {
      return graphError(Integer.parseInt(refused[0]), refused[1], refused[2]);
    }
    return failure != null ? failed(failure) : new MockResponse(202, Headers.of(), "");
  }

  private MockResponse planned(String endpoint, java.util.function.Supplier<MockResponse> answer) {
    PlannedFailures.Failure failure = failures.take(endpoint);
    return failure != null ? failed(failure) : answer.get();
  }

  private static MockResponse failed(PlannedFailures.Failure failure) {
    if (failure.status() == 429) {
      return json(
          429,
          """
          {"error": {"code": "TooManyRequests", "message": "Too many requests. Retry after %s seconds."}}
          """
              .formatted(failure.retryAfter()),
          "Retry-After",
          failure.retryAfter() == null ? "1" : failure.retryAfter());
    }
    return failure.retryAfter() == null
        ? graphError(
            failure.status(), "serviceNotAvailable", "The service is temporarily unavailable.")
        : json(
            failure.status(),
            "{\"error\": {\"code\": \"serviceNotAvailable\", \"message\": \"Try later.\"}}",
            "Retry-After",
            failure.retryAfter());
  }

  @Override
  public void close() {
    drive.uploads.close();
    super.close();
  }

  private static boolean requires(Grant grant, String scope) {
    return grant.scopes().contains(scope);
  }

  private static MockResponse denied() {
    return graphError(
        403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
  }

  private static MockResponse graphError(int status, String code, String message) {
    return json(
        status,
        """
        {"error": {"code": "%s", "message": "%s", "innerError": {"date": "2026-01-01T00:00:00",
         "request-id": "%s", "client-request-id": "%s"}}}
        """
            .formatted(code, message, UUID.randomUUID(), UUID.randomUUID()));
  }

  @Override
  protected MockResponse tokenAnswer(Grant grant, String newRefreshToken, boolean refreshed) {
    Set<String> scopes = new LinkedHashSet<>(grant.scopes());
    scopes.removeAll(NOT_IN_ANSWERS);
    return json(
        200,
        "{\"token_type\": \"Bearer\", \"scope\": \""
            + String.join(" ", scopes)
            + "\","
            + " \"expires_in\": 3599, \"ext_expires_in\": 3599, \"access_token\": \""
            + grant.accessToken()
            + "\""
            + (newRefreshToken == null ? "" : ", \"refresh_token\": \"" + newRefreshToken + "\"")
            + "}");
  }

  @Override
  protected MockResponse refusal(Refusal refusal, String detail) {
    return switch (refusal) {
      case INVALID_CLIENT ->
          error(401, "invalid_client", 7000215, "Invalid client secret provided.");
      case INVALID_GRANT ->
          error(
              400,
              "invalid_grant",
              70008,
              "The provided authorization code or refresh token has expired due to inactivity.");
      case REDIRECT_URI_MISMATCH ->
          error(
              400,
              "invalid_grant",
              50011,
              "The redirect URI specified in the request does not match the redirect URIs configured for the application.");
      case PKCE_MISMATCH ->
          error(
              400,
              "invalid_grant",
              501481,
              "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
      case INVALID_REQUEST -> error(400, "invalid_request", 900144, detail);
    };
  }

  @Override
  protected boolean refreshTokenFor(Map<String, String> consent) {
    String scope = consent.get("scope");
    return scope != null && scope.contains("offline_access");
  }

  @Override
  protected boolean rotatesRefreshTokens() {
    return true;
  }

  private static MockResponse error(int status, String error, int code, String description) {
    return json(
        status,
        """
        {"error": "%s", "error_description": "AADSTS%d: %s Trace ID: %s", "error_codes": [%d],
         "timestamp": "2026-01-01 00:00:00Z", "trace_id": "%s", "correlation_id": "%s"}
        """
            .formatted(
                error,
                code,
                description,
                UUID.randomUUID(),
                code,
                UUID.randomUUID(),
                UUID.randomUUID()));
  }
}
