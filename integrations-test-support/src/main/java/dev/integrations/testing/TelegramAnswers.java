package dev.integrations.testing;

import mockwebserver3.MockResponse;

/** The Bot API's answers in its envelope, <a href="https://core.telegram.org/bots/api#making-requests">{@code ok}/{@code result}</a>. */
final class TelegramAnswers {
  private TelegramAnswers() {}

  static MockResponse me() {
    return ok("{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Alerts\",\"username\":\"alerts_bot\"}");
  }

  static MockResponse sent() {
    return ok("{\"message_id\":42,\"date\":1700000000,\"chat\":{\"id\":4711},\"text\":\"hi\"}");
  }

  static MockResponse chatNotFound() {
    return error(400, "Bad Request: chat not found");
  }

  static MockResponse failure(int code) {
    return error(code, switch (code) {
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
    return ProviderStandIns.json(code, "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}");
  }
}
