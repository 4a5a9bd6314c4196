package dev.integrations.providers.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.internal.ApiClient;
import dev.integrations.providers.catalog.internal.ApiClient.Answer;
import dev.integrations.providers.catalog.internal.SendAnswers;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.time.Duration;
import java.util.Map;

/**
 * Sends Discord messages as the connected bot: {@code POST /channels/{channel.id}/messages} with
 * {@code Authorization: Bot <token>}. The chat id is the channel's id (a snowflake); the text is
 * Discord's markdown, at most 2000 characters, so a {@code parse_mode} is refused; {@code
 * disable_notification} sends with the {@code SUPPRESS_NOTIFICATIONS} flag.
 *
 * <p>Paced by Discord's own rate-limit headers ({@link RateLimitBuckets}): a send to an exhausted
 * bucket waits for its refill before it is made. A 429 (Discord did nothing) is sent again after
 * its JSON {@code retry_after} (seconds, fractional; {@code global} stops every send of the bot
 * that long). A 5xx, or a connection lost after the request left, is never sent again: the message
 * may have been posted. Unknown Channel (404, code 10003) and a bad body (400) are invalid
 * requests; Missing Access or Missing Permissions (403) a refusal naming the channel; 401 a refused
 * token.
 *
 * <p>Thread-safe.
 *
 * @see <a href="https://discord.com/developers/docs/resources/message#create-message">Create
 *     Message</a>
 * @see <a href="https://discord.com/developers/docs/topics/rate-limits">Rate limits</a>
 */
final class DiscordMessages implements MessagingPort {
  static final int MAX_CONTENT_LENGTH = 2000;
  private static final int SUPPRESS_NOTIFICATIONS = 1 << 12;

  private final ProviderSpec spec;
  private final ApiClient api;
  private final RateLimitBuckets buckets;

  DiscordMessages(ProviderSpec spec, ApiClient api, RateLimitBuckets buckets) {
    this.spec = spec;
    this.api = api;
    this.buckets = buckets;
  }

  @Override
  public SentMessage send(Credentials credentials, ChatMessage message) {
    String channel = message.chatId();
    if (!channel.matches("\\d{17,20}")) {
      throw new InvalidRequestException(
          "A Discord chat_id is a channel id: a snowflake of 17 to 20 digits.");
    }
    if (message.parseMode() != null) {
      throw new InvalidRequestException(
          "Discord formats text with its own markdown: send it without parse_mode.");
    }
    int length = message.text().codePointCount(0, message.text().length());
    if (length > MAX_CONTENT_LENGTH) {
      throw new InvalidRequestException(
          "A Discord message has at most "
              + MAX_CONTENT_LENGTH
              + " characters; this one has "
              + length
              + ".");
    }
    ObjectNode body = SendAnswers.object().put("content", message.text());
    if (message.disableNotification()) {
      body.put("flags", SUPPRESS_NOTIFICATIONS);
    }
    Secret token = GenericAdapters.apiToken(spec, credentials);
    String bot = botOf(token);
    buckets.awaitTurn(bot, channel);
    Answer answer =
        api.sendOnce(
            "/channels/" + channel + "/messages",
            token,
            Map.of(),
            SendAnswers.bytes(body),
            reply -> learn(bot, channel, reply));
    JsonNode reply = SendAnswers.json(answer);
    if (answer.ok() && reply.path("id").isTextual()) {
      return new SentMessage(reply.get("id").asText());
    }
    throw failure(answer, reply, channel);
  }

  /**
   * Records the answer's rate-limit headers; a 429 is sent again after Discord's {@code
   * retry_after}.
   */
  private Verdict learn(String bot, String channel, Answer answer) {
    boolean limited = answer.status() == 429;
    JsonNode reply = limited ? SendAnswers.json(answer) : null;
    Duration wait = limited ? retryAfter(answer, reply) : null;
    buckets.update(
        bot, channel, answer.headers(), limited && reply.path("global").asBoolean(false), wait);
    return limited ? Verdict.retryAfter(wait) : Verdict.FINAL;
  }

  private static Duration retryAfter(Answer answer, JsonNode reply) {
    if (reply.path("retry_after").isNumber()) {
      double seconds = Math.max(0, reply.get("retry_after").asDouble());
      return Duration.ofNanos((long) Math.ceil(seconds * 1_000_000_000L));
    }
    return ApiClient.retryAfterHeader(answer);
  }

  private RuntimeException failure(Answer answer, JsonNode reply, String channel) {
    int status = answer.status();
    String detail = reply.path("message").asText("");
    int code = reply.path("code").asInt(0);
    if (status == 429) {
      return SendAnswers.rateLimited(spec.name(), retryAfter(answer, reply));
    }
    if (status >= 500) {
      return SendAnswers.failedNotRepeated(spec.name(), status, detail);
    }
    if (status == 404 && code == 10003) {
      return new InvalidRequestException(
          "Discord has no channel '"
              + channel
              + "' that this bot can see (Unknown Channel): check the channel id.");
    }
    if (status == 403) {
      return new ProviderException(
          ErrorCode.PROVIDER_REJECTED,
          "Discord refused to let this bot post in channel '"
              + channel
              + "' ("
              + detail
              + ", code "
              + code
              + "): give the bot access to the channel.");
    }
    if (status == 400) {
      return new InvalidRequestException(
          "Discord refused the message (" + detail + ", code " + code + ").");
    }
    if (answer.ok()) {
      return new ProviderException(
          ErrorCode.PROVIDER_ERROR, "Discord did not say which message it sent.");
    }
    return new ProviderException(
        ErrorCode.PROVIDER_REJECTED,
        "Discord refused the message (HTTP "
            + status
            + (detail.isEmpty() ? "" : ": " + detail)
            + ").");
  }

  /**
   * The bot's id, the token's first part (base64 of the bot's user id): its buckets are its own.
   */
  private static String botOf(Secret token) {
    String value = token.reveal();
    int dot = value.indexOf('.');
    return dot > 0 ? value.substring(0, dot) : Integer.toHexString(value.hashCode());
  }

  @Override
  public String toString() {
    return "DiscordMessages[" + spec.name() + "]";
  }
}
