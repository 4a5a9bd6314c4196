package dev.integrations.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * The Gmail and Drive APIs' answers in Google's JSON shapes
 * (<a href="https://developers.google.com/gmail/api/reference/rest">Gmail</a>,
 * <a href="https://developers.google.com/drive/api/reference/rest/v3">Drive v3</a>).
 */
final class GoogleAnswers {
  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

  private GoogleAnswers() {}

  static MockResponse to(String path, String body, long bodySize) {
    if (path.equals("/gmail/v1/users/me/profile")) {
      return json(200, "{\"emailAddress\": \"" + ProviderStandIns.ACCOUNT + "\", \"messagesTotal\": 2,"
          + " \"threadsTotal\": 2, \"historyId\": \"1\"}");
    }
    if (path.equals("/gmail/v1/users/me/messages/send")) {
      return json(200, "{\"id\": \"m-sent\", \"threadId\": \"t-sent\", \"labelIds\": [\"SENT\"]}");
    }
    if (path.equals("/gmail/v1/users/me/messages")) {
      return json(200, "{\"messages\": [{\"id\": \"m1\", \"threadId\": \"t1\"}, {\"id\": \"m2\", \"threadId\": \"t2\"}],"
          + " \"resultSizeEstimate\": 2}");
    }
    if (path.startsWith("/gmail/v1/users/me/messages/")) {
      String id = path.substring(path.lastIndexOf('/') + 1);
      return json(200, """
          {"id": "%s", "threadId": "t-%s", "snippet": "Snippet of %s", "internalDate": "1700000000000",
           "payload": {"headers": [
             {"name": "From", "value": "Bob <bob@example.com>"},
             {"name": "Subject", "value": "Subject %s"}]}}
          """.formatted(id, id, id, id));
    }
    if (path.equals("/drive/v3/about")) {
      return json(200, "{\"user\": {\"emailAddress\": \"" + ProviderStandIns.ACCOUNT + "\", \"displayName\": \"Ann\"}}");
    }
    if (path.equals("/drive/v3/files")) {
      return json(200, """
          {"nextPageToken": "page-2", "files": [
            {"id": "f1", "name": "report.pdf", "mimeType": "application/pdf", "size": "2048",
             "modifiedTime": "2026-01-02T03:04:05.678Z"},
            {"id": "d1", "name": "Folder", "mimeType": "application/vnd.google-apps.folder",
             "modifiedTime": "2025-12-31T23:59:59Z"}]}
          """);
    }
    if (path.equals("/upload/drive/v3/files")) {
      Matcher name = NAME.matcher(body);
      return json(200, """
          {"id": "file-1", "name": "%s", "mimeType": "application/octet-stream", "size": "%d",
           "modifiedTime": "2026-11-22T01:02:03Z"}
          """.formatted(name.find() ? name.group(1) : "unnamed", bodySize));
    }
    return json(404, "{\"error\": {\"code\": 404, \"message\": \"Not found: " + path + "\", \"status\": \"NOT_FOUND\"}}");
  }

  /** Google's error envelope; a 401 is the one Google sends for an expired or revoked access token. */
  static MockResponse failure(int code) {
    if (code == 401) {
      return json(401, "{\"error\": {\"code\": 401, \"message\": \"Invalid Credentials\", \"status\": \"UNAUTHENTICATED\","
          + " \"errors\": [{\"reason\": \"authError\", \"message\": \"Invalid Credentials\"}]}}");
    }
    return json(code, "{\"error\": {\"code\": " + code + ", \"message\": \"Failure\", \"status\": \"X\"}}");
  }

  static MockResponse json(int code, String body) {
    return ProviderStandIns.json(code, body);
  }
}
