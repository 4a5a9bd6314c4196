package dev.integrations.providers.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.internal.ApiClient;
import dev.integrations.providers.catalog.internal.ApiClient.Answer;
import dev.integrations.providers.catalog.internal.SendAnswers;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.util.Map;
import java.util.Set;

/**
 * Sends WhatsApp text messages from the connection's business phone number: {@code POST
 * /{phone_number_id}/messages} with {@code {"messaging_product": "whatsapp", "to": …, "type":
 * "text", "text": {"body": …}}}. The chat id is the recipient's phone number in international form
 * ({@code +15551234567} or its digits); the answer's {@code messages[0].id} ({@code wamid.…}) is
 * the message id. WhatsApp formats text its own way, so a {@code parse_mode} is refused; {@code
 * disable_notification} changes nothing.
 *
 * <p>Errors are Graph's {@code {"error": {"message", "type", "code", "error_subcode",
 * "fbtrace_id"}}}: code 190 is a refused token; 4, 80007, 130429, 131056 and 613 are rate limits
 * (nothing was sent: sent again after {@code Retry-After} or the backoff); 131047 (outside the
 * 24-hour customer service window), 131026 (undeliverable) and the other message-level codes are
 * refusals ({@code provider_rejected}) that keep WhatsApp's message. A 5xx, or a connection lost
 * after the request left, is never sent again: the message may have been accepted.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages">Messages</a>
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes">Error
 *     codes</a>
 */
final class WhatsAppMessages implements MessagingPort {
  private static final Set<Integer> RATE_LIMITS = Set.of(4, 80007, 130429, 131056, 613);
  private static final String PHONE_NUMBER_ID = "phone_number_id";

  private final ProviderSpec spec;
  private final ApiClient api;

  WhatsAppMessages(ProviderSpec spec, ApiClient api) {
    this.spec = spec;
    this.api = api;
  }

  @Override
  public SentMessage send(Credentials credentials, ChatMessage message) {
    String to = message.chatId();
    if (!to.matches("\\+?[0-9]{6,20}")) {
      throw new InvalidRequestException(
          "A WhatsApp chat_id is the recipient's phone number in international form, such as +15551234567.");
    }
    if (message.parseMode() != null) {
      throw new InvalidRequestException(
          "WhatsApp formats text its own way: send the text without parse_mode.");
    }
    String phoneNumberId = GenericAdapters.connectionValue(spec, credentials, PHONE_NUMBER_ID);
    if (phoneNumberId == null) {
      throw new CredentialsRejectedException(
          "The WhatsApp connection has no phone_number_id; connect again.");
    }
    ObjectNode body =
        SendAnswers.object()
            .put("messaging_product", "whatsapp")
            .put("recipient_type", "individual")
            .put("to", to)
            .put("type", "text");
    body.putObject("text").put("preview_url", false).put("body", message.text());
    Answer answer =
        api.sendOnce(
            "/" + phoneNumberId + "/messages",
            GenericAdapters.apiToken(spec, credentials),
            Map.of(),
            SendAnswers.bytes(body),
            WhatsAppMessages::turnedAway);
    JsonNode reply = SendAnswers.json(answer);
    JsonNode id = reply.path("messages").path(0).path("id");
    if (answer.ok() && id.isTextual()) {
      return new SentMessage(id.asText());
    }
    throw failure(answer, reply.path("error"));
  }

  /** A rate-limit answer: WhatsApp sent nothing, so the message is sent again after the wait. */
  private static Verdict turnedAway(Answer answer) {
    return isRateLimit(answer, SendAnswers.json(answer).path("error"))
        ? Verdict.retryAfter(ApiClient.retryAfterHeader(answer))
        : Verdict.FINAL;
  }

  private static boolean isRateLimit(Answer answer, JsonNode error) {
    return answer.status() == 429
        || (!answer.ok()
            && answer.status() < 500
            && RATE_LIMITS.contains(error.path("code").asInt(-1)));
  }

  private RuntimeException failure(Answer answer, JsonNode error) {
    int status = answer.status();
    int code = error.path("code").asInt(-1);
    String detail = error.path("message").asText("") + (code < 0 ? "" : " (code " + code + ")");
    if (isRateLimit(answer, error)) {
      return SendAnswers.rateLimited(spec.name(), ApiClient.retryAfterHeader(answer));
    }
    if (status >= 500) {
      return SendAnswers.failedNotRepeated(spec.name(), status, detail);
    }
    if (code == 190) {
      return new CredentialsRejectedException(
          spec.name()
              + " refused the access token ("
              + detail
              + "); connect again with a valid system-user token.");
    }
    if (answer.ok()) {
      return new ProviderException(
          ErrorCode.PROVIDER_ERROR, "WhatsApp did not say which message it sent.");
    }
    return new ProviderException(
        ErrorCode.PROVIDER_REJECTED, "WhatsApp refused the message: " + detail + ".");
  }

  @Override
  public String toString() {
    return "WhatsAppMessages[" + spec.name() + "]";
  }
}
