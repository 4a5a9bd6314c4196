package dev.integrations.providers.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;

/**
 * A Bot API answer: {@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,
 * "description":…,"parameters":{"retry_after":…}}}. A body that is not such JSON (a proxy's HTML
 * error page) is kept as an answer without description.
 *
 * @param status the HTTP status, or Telegram's {@code error_code} when it answered 200 with ok
 *     false
 * @param ok whether Telegram reported success
 * @param result the {@code result} field, null on failure
 * @param description Telegram's human-readable reason, null when it gave none
 * @param retryAfter the flood-control wait Telegram asked for, null when it asked for none
 * @see <a href="https://core.telegram.org/bots/api#making-requests">Making requests</a>
 */
record ApiReply(int status, boolean ok, JsonNode result, String description, Duration retryAfter) {
  private static final int MAX_DESCRIPTION_LENGTH = 300;

  static ApiReply parse(ObjectMapper json, int httpStatus, String body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return new ApiReply(httpStatus, false, null, null, null);
    }
    boolean ok = root.path("ok").asBoolean(false) && httpStatus / 100 == 2;
    int status =
        httpStatus / 100 == 2 && !ok ? root.path("error_code").asInt(httpStatus) : httpStatus;
    String description =
        root.hasNonNull("description") ? shorten(root.get("description").asText()) : null;
    JsonNode retry = root.path("parameters").path("retry_after");
    Duration retryAfter =
        retry.canConvertToLong() ? Duration.ofSeconds(Math.max(0, retry.asLong())) : null;
    return new ApiReply(status, ok, ok ? root.get("result") : null, description, retryAfter);
  }

  private static String shorten(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_DESCRIPTION_LENGTH
        ? flat
        : flat.substring(0, MAX_DESCRIPTION_LENGTH) + "…";
  }

  /** Telegram's description, or the HTTP status when it gave none. */
  String reason() {
    return description != null ? description : "HTTP " + status;
  }
}
