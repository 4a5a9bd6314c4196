package dev.integrations.providers.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import java.io.IOException;
import java.time.Duration;

/**
 * What every messages adapter says about an answer to a send: its JSON, a 5xx that is not repeated
 * (the message may have been delivered), a rate limit that outlasted the retries.
 */
public final class SendAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SendAnswers() {}

  /** A new JSON object for a request body. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** {@code node} as request bytes. */
  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The answer's body as JSON; an empty object when it is not JSON. */
  public static JsonNode json(ApiClient.Answer answer) {
    try {
      JsonNode node = JSON.readTree(answer.body());
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  /**
   * The failure for a 5xx answer to a send: {@code provider_unavailable} for 502/503/504, {@code
   * provider_error} otherwise, saying that the message was not sent again.
   */
  public static ProviderException failedNotRepeated(String provider, int status, String detail) {
    ErrorCode code =
        status == 502 || status == 503 || status == 504
            ? ErrorCode.PROVIDER_UNAVAILABLE
            : ErrorCode.PROVIDER_ERROR;
    return new ProviderException(
        code,
        provider
            + " failed while sending the message (HTTP "
            + status
            + (detail == null || detail.isBlank() ? "" : ": " + detail)
            + "). It was not sent again, because it may"
            + " have been delivered; check the chat before sending it once more.");
  }

  /**
   * The failure for an error answer with a 2xx status that says the provider failed midway (Slack's
   * {@code fatal_error}): not sent again, because part of it may have happened.
   */
  public static ProviderException failedNotRepeated(String provider, String error) {
    return new ProviderException(
        ErrorCode.PROVIDER_ERROR,
        provider
            + " failed while sending the message ("
            + error
            + "). It was not sent again, because it may have been delivered; check the chat before sending"
            + " it once more.");
  }

  /**
   * The failure for a send still rate limited when the retries ran out, with the provider's wait.
   */
  public static ProviderException rateLimited(String provider, Duration wait) {
    Duration asked = wait == null ? Duration.ofSeconds(1) : wait;
    return new ProviderException(
        ErrorCode.RATE_LIMITED,
        provider
            + " is rate limiting these messages; nothing"
            + " was sent. Try again in "
            + Math.max(1, (asked.toMillis() + 999) / 1000)
            + " s.",
        asked,
        null);
  }
}
