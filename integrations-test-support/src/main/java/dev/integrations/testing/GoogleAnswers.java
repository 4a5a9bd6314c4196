package dev.integrations.testing;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import okhttp3.Headers;

/**
 * The Gmail and Drive APIs' answers in Google's JSON shapes (<a
 * href="https://developers.google.com/gmail/api/reference/rest">Gmail</a>, <a
 * href="https://developers.google.com/drive/api/reference/rest/v3">Drive v3</a>).
 */
final class GoogleAnswers {
  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

  /** The {@code Retry-After} of a 429, in seconds. */
  static final int RETRY_AFTER_SECONDS = 1;

  private GoogleAnswers() {}

  /** The answer to an authorized call for {@code path} by the Google account {@code account}. */
  static MockResponse to(String path, String body, long bodySize, String account) {
    if (path.equals("/gmail/v1/users/me/profile")) {
      return json(
          200,
          "{\"emailAddress\": \""
              + account
              + "\", \"messagesTotal\": 2,"
              + " \"threadsTotal\": 2, \"historyId\": \"1\"}");
    }
    if (path.equals("/gmail/v1/users/me/messages/send")) {
      return json(200, "{\"id\": \"m-sent\", \"threadId\": \"t-sent\", \"labelIds\": [\"SENT\"]}");
    }
    if (path.equals("/gmail/v1/users/me/messages")) {
      return json(
          200,
          "{\"messages\": [{\"id\": \"m1\", \"threadId\": \"t1\"}, {\"id\": \"m2\", \"threadId\": \"t2\"}],"
              + " \"resultSizeEstimate\": 2}");
    }
    if (path.startsWith("/gmail/v1/users/me/messages/")) {
      String id = path.substring(path.lastIndexOf('/') + 1);
      return json(
          200,
          """
          {"id": "%s", "threadId": "t-%s", "snippet": "Snippet of %s", "internalDate": "1700000000000",
           "payload": {"headers": [
             {"name": "From", "value": "Bob <bob@example.com>"},
             {"name": "Subject", "value": "Subject %s"}]}}
          """
              .formatted(id, id, id, id));
    }
    if (path.equals("/drive/v3/about")) {
      return json(
          200, "{\"user\": {\"emailAddress\": \"" + account + "\", \"displayName\": \"Ann\"}}");
    }
    if (path.equals("/drive/v3/files")) {
      return json(
          200,
          """
          {"nextPageToken": "page-2", "files": [
            {"id": "f1", "name": "report.pdf", "mimeType": "application/pdf", "size": "2048",
             "modifiedTime": "2026-01-02T03:04:05.678Z"},
            {"id": "d1", "name": "Folder", "mimeType": "application/vnd.google-apps.folder",
             "modifiedTime": "2025-12-31T23:59:59Z"}]}
          """);
    }
    if (path.equals("/upload/drive/v3/files")) {
      Matcher name = NAME.matcher(body);
      return json(
          200,
          """
          {"id": "file-1", "name": "%s", "mimeType": "application/octet-stream", "size": "%d",
           "modifiedTime": "2026-11-22T01:02:03Z"}
          """
              .formatted(name.find() ? name.group(1) : "unnamed", bodySize));
    }
    return json(
        404,
        "{\"error\": {\"code\": 404, \"message\": \"Not found: "
            + path
            + "\", \"status\": \"NOT_FOUND\"}}");
  }

  /**
   * Google's error envelope; a 401 is the one Google sends for a missing, expired or revoked access
   * token (with its {@code WWW-Authenticate}), a 429 carries {@code Retry-After}.
   */
  static MockResponse failure(int code) {
    if (code == 401) {
      return new MockResponse(
          401,
          Headers.of(
              "Content-Type", "application/json; charset=UTF-8",
              "WWW-Authenticate",
                  "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\""),
          "{\"error\": {\"code\": 401, \"message\": \"Request had invalid authentication credentials. Expected OAuth 2"
              + " access token, login cookie or other valid authentication credential.\", \"status\": \"UNAUTHENTICATED\","
              + " \"errors\": [{\"reason\": \"authError\", \"message\": \"Invalid Credentials\", \"domain\": \"global\","
              + " \"location\": \"Authorization\", \"locationType\": \"header\"}]}}");
    }
    if (code == 403) {
      return json(
          403,
          "{\"error\": {\"code\": 403, \"message\": \"Request had insufficient authentication scopes.\","
              + " \"status\": \"PERMISSION_DENIED\", \"errors\": [{\"reason\": \"insufficientPermissions\","
              + " \"message\": \"Insufficient Permission\", \"domain\": \"global\"}]}}");
    }
    if (code == 429) {
      return new MockResponse(
          429,
          Headers.of(
              "Content-Type",
              "application/json; charset=UTF-8",
              "Retry-After",
              String.valueOf(RETRY_AFTER_SECONDS)),
          "{\"error\": {\"code\": 429, \"message\": \"Quota exceeded for quota metric 'Queries'.\","
              + " \"status\": \"RESOURCE_EXHAUSTED\", \"errors\": [{\"reason\": \"rateLimitExceeded\","
              + " \"message\": \"Rate Limit Exceeded\", \"domain\": \"usageLimits\"}]}}");
    }
    return json(
        code, "{\"error\": {\"code\": " + code + ", \"message\": \"Failure\", \"status\": \"X\"}}");
  }

  /**
   * Whether a token for {@code scopes} may call {@code path}: Gmail wants a Gmail scope, Drive a
   * Drive scope.
   */
  static boolean allowed(String path, Set<String> scopes) {
    if (path.startsWith("/gmail/")) {
      return scopes.stream()
          .anyMatch(
              s ->
                  s.startsWith("https://www.googleapis.com/auth/gmail.")
                      || s.equals("https://mail.google.com/"));
    }
    if (path.startsWith("/drive/") || path.startsWith("/upload/drive/")) {
      return scopes.stream().anyMatch(s -> s.startsWith("https://www.googleapis.com/auth/drive"));
    }
    return true;
  }

  static MockResponse json(int code, String body) {
    return ProviderStandIns.json(code, body);
  }
}
