package dev.integrations.providers.slack;

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
import dev.integrations.providers.catalog.internal.ApiClient;
import dev.integrations.providers.catalog.internal.ApiClient.Answer;
import dev.integrations.providers.catalog.internal.SendAnswers;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.util.Map;
import java.util.Set;

/**
 * Sends Slack messages with {@code chat.postMessage}, as the connected user (the OAuth grant's user
 * token, scope {@code chat:write}). The chat id is a channel id ({@code C0123ABCD}, a DM's {@code
 * D…}) or {@code #channel-name}; the text is Slack's {@code mrkdwn}, so a {@code parse_mode} is
 * refused, and Slack has no silent messages, so {@code disable_notification} changes nothing.
 *
 * <p>Slack answers most errors with HTTP 200 and {@code {"ok": false, "error": …}}: {@code
 * invalid_auth}, {@code not_authed}, {@code token_revoked}, {@code token_expired} and {@code
 * account_inactive} are a refused credential ({@code credentials_rejected}, then {@code
 * reauthorization_required} when no refresh helps); {@code channel_not_found}, {@code
 * not_in_channel} and {@code is_archived} an invalid request naming the channel; {@code
 * ratelimited} (and HTTP 429) is waited out after {@code Retry-After} and sent again, since Slack
 * posted nothing. A 5xx, Slack's {@code fatal_error}, or a connection lost after the request left
 * is never sent again: the message may have been posted.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://api.slack.com/methods/chat.postMessage">chat.postMessage</a>
 * @see <a href="https://api.slack.com/apis/rate-limits">Slack rate limits</a>
 */
final class SlackMessages implements MessagingPort {
  private static final Set<String> TOKEN_REFUSED =
      Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive");
  private static final Set<String> FAILED_MIDWAY =
      Set.of("fatal_error", "internal_error", "service_unavailable", "request_timeout");

  private final String provider;
  private final ApiClient api;

  SlackMessages(String provider, ApiClient api) {
    this.provider = provider;
    this.api = api;
  }

  @Override
  public SentMessage send(Credentials credentials, ChatMessage message) {
    String channel = message.chatId();
    if (!channel.matches("#?[A-Za-z0-9._-]{1,80}")) {
      throw new InvalidRequestException(
          "A Slack chat_id is a channel id (C0123ABCD) or #channel-name.");
    }
    if (message.parseMode() != null) {
      throw new InvalidRequestException(
          "Slack formats text with its own mrkdwn: send the text without parse_mode.");
    }
    ObjectNode body = SendAnswers.object().put("channel", channel).put("text", message.text());
    Answer answer =
        api.sendOnce(
            "/chat.postMessage",
            credentials.accessToken(),
            Map.of(),
            SendAnswers.bytes(body),
            SlackMessages::turnedAway);
    JsonNode reply = SendAnswers.json(answer);
    String error = reply.path("error").asText("");
    if (answer.status() == 429 || error.equals("ratelimited")) {
      throw SendAnswers.rateLimited(provider, ApiClient.retryAfterHeader(answer));
    }
    if (answer.status() >= 500) {
      throw SendAnswers.failedNotRepeated(provider, answer.status(), error);
    }
    if (answer.ok() && reply.path("ok").asBoolean(false) && reply.path("ts").isTextual()) {
      return new SentMessage(reply.get("ts").asText());
    }
    throw refusal(answer, error, channel);
  }

  /**
   * Slack posted nothing when it answered 429 or {@code ratelimited}: wait as it asks and send
   * again.
   */
  private static Verdict turnedAway(Answer answer) {
    boolean limited =
        answer.status() == 429
            || (answer.ok()
                && SendAnswers.json(answer).path("error").asText("").equals("ratelimited"));
    return limited ? Verdict.retryAfter(ApiClient.retryAfterHeader(answer)) : Verdict.FINAL;
  }

  private RuntimeException refusal(Answer answer, String error, String channel) {
    if (TOKEN_REFUSED.contains(error)) {
      return new CredentialsRejectedException(
          provider + " refused the credentials (" + error + "); connect Slack again.");
    }
    if (FAILED_MIDWAY.contains(error)) {
      return SendAnswers.failedNotRepeated(provider, error);
    }
    return switch (error) {
      case "channel_not_found" ->
          new InvalidRequestException(
              "Slack has no channel '"
                  + channel
                  + "' that this account can see (channel_not_found): check the channel id.");
      case "not_in_channel" ->
          new InvalidRequestException(
              "This Slack account is not a member of channel '"
                  + channel
                  + "' (not_in_channel): join the channel, then send again.");
      case "is_archived", "channel_is_archived" ->
          new InvalidRequestException(
              "Slack channel '" + channel + "' is archived (" + error + ").");
      case "msg_too_long", "no_text" ->
          new InvalidRequestException("Slack refused the text (" + error + ").");
      case "missing_scope" ->
          new ProviderException(
              ErrorCode.PROVIDER_REJECTED,
              "The Slack connection lacks the chat:write scope (missing_scope); connect Slack again to grant it.");
      case "" ->
          new ProviderException(
              ErrorCode.PROVIDER_ERROR,
              "Slack gave an unexpected answer to chat.postMessage (HTTP "
                  + answer.status()
                  + ").");
      default ->
          new ProviderException(
              ErrorCode.PROVIDER_REJECTED, "Slack refused the message (" + error + ").");
    };
  }

  @Override
  public String toString() {
    return "SlackMessages[" + provider + "]";
  }
}
