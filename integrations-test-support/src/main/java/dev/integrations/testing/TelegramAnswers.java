package dev.integrations.testing;

import mockwebserver3.MockResponse;

/**
 * The Bot API's answers in its envelope, <a
 * href="https://core.telegram.org/bots/api#making-requests">{@code ok}/{@code result}</a>.
 */
final class TelegramAnswers {
  /** The {@code retry_after} of a 429, in seconds. */
  static final int RETRY_AFTER_SECONDS = 1;

  private TelegramAnswers() {}

  static MockResponse me() {
    return ok(
        "{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Alerts\",\"username\":\"alerts_bot\"}");
  }

  static MockResponse sent() {
    return ok("{\"message_id\":42,\"date\":1700000000,\"chat\":{\"id\":4711},\"text\":\"hi\"}");
  }

  static MockResponse chatNotFound() {
    return error(400, "Bad Request: chat not found");
  }

  static MockResponse failure(int code) {
    if (code == 429) {
      return ProviderStandIns.json(
          429,
          "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
              + RETRY_AFTER_SECONDS
              + "\",\"parameters\":{\"retry_after\":"
              + RETRY_AFTER_SECONDS
              + "}}");
    }
    return error(
        code,
        switch (code) {
          case 401 -> "Unauthorized";
          case 404 -> "Not Found";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          default -> "Failure";
        });
  }

  static MockResponse ok(String result) {
    return ProviderStandIns.json(200, "{\"ok\":true,\"result\":" + result + "}");
  }

  private static MockResponse error(int code, String description) {
    return ProviderStandIns.json(
        code, "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}");
  }
}
