package dev.integrations.providers.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends Microsoft Teams messages through Microsoft Graph, as the signed-in user. One {@code
 * chat_id} addresses either place:
 *
 * <ul>
 *   <li>{@code <team-id>/<channel-id>} (a slash between them, as in {@code
 *       19d0c1d2-…-4e3f/19:a1b2c3@thread.tacv2}): a channel, {@code POST
 *       /teams/{team-id}/channels/{channel-id}/messages} (scope {@code ChannelMessage.Send});
 *   <li>anything without a slash ({@code 19:meeting_…@thread.v2}, {@code 19:…@unq.gbl.spaces}): a
 *       chat, {@code POST /chats/{chat-id}/messages} (scope {@code Chat.ReadWrite}).
 * </ul>
 *
 * <p>Plain text is sent as {@code contentType: text}; {@code parse_mode: HTML} as {@code html}, the
 * one markup Teams takes ({@code MarkdownV2} is refused). Teams has no silent messages: {@code
 * disable_notification} changes nothing.
 *
 * <p>A 429 (Graph did nothing) is sent again after its {@code Retry-After}; a 5xx, or a connection
 * lost after the request left, is never sent again: the message may have been posted. 404 (no such
 * team, channel or chat) and 400 are invalid requests naming the chat; 403 a refusal (a missing
 * permission, or the user is not a member); 401 a refused token, which is refreshed once.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/channel-post-messages">Send chatMessage in a
 *     channel</a>
 * @see <a href="https://learn.microsoft.com/graph/api/chat-post-messages">Send chatMessage in a
 *     chat</a>
 * @see <a href="https://learn.microsoft.com/graph/throttling">Microsoft Graph throttling</a>
 */
final class TeamsMessages implements MessagingPort {
  private static final String ID = "[A-Za-z0-9:@._=+-]{1,200}";

  private final String provider;
  private final ApiClient api;

  TeamsMessages(String provider, ApiClient api) {
    this.provider = provider;
    this.api = api;
  }

  @Override
  public SentMessage send(Credentials credentials, ChatMessage message) {
    String path = path(message.chatId());
    if ("MarkdownV2".equals(message.parseMode())) {
      throw new InvalidRequestException(
          "Teams takes HTML or plain text: send with parse_mode HTML or none.");
    }
    ObjectNode body = SendAnswers.object();
    body.putObject("body")
        .put("contentType", "HTML".equals(message.parseMode()) ? "html" : "text")
        .put("content", message.text());
    Answer answer =
        api.sendOnce(
            path,
            credentials.accessToken(),
            Map.of(),
            SendAnswers.bytes(body),
            reply ->
                reply.status() == 429
                    ? Verdict.retryAfter(ApiClient.retryAfterHeader(reply))
                    : Verdict.FINAL);
    JsonNode reply = SendAnswers.json(answer);
    if (answer.ok() && reply.path("id").isTextual()) {
      return new SentMessage(reply.get("id").asText());
    }
    throw failure(answer, reply.path("error"), message.chatId());
  }

  /** The Graph path of a chat id: {@code team/channel} for a channel, otherwise a chat. */
  static String path(String chatId) {
    String[] parts = chatId.split("/", -1);
    boolean valid = parts.length <= 2;
    for (String part : parts) {
      valid &= part.matches(ID);
    }
    if (!valid) {
      throw new InvalidRequestException(
          "A Teams chat_id is <team-id>/<channel-id> for a channel or a chat id"
              + " (19:…@thread.v2) for a chat.");
    }
    return parts.length == 2
        ? "/teams/" + segment(parts[0]) + "/channels/" + segment(parts[1]) + "/messages"
        : "/chats/" + segment(parts[0]) + "/messages";
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private RuntimeException failure(Answer answer, JsonNode error, String chatId) {
    int status = answer.status();
    String detail =
        error.path("code").asText("")
            + (error.path("message").isTextual() ? ": " + error.get("message").asText() : "");
    String place = chatId.contains("/") ? "channel" : "chat";
    if (status == 429) {
      return SendAnswers.rateLimited(provider, ApiClient.retryAfterHeader(answer));
    }
    if (status >= 500) {
      return SendAnswers.failedNotRepeated(provider, status, detail);
    }
    if (status == 404) {
      return new InvalidRequestException(
          "Teams has no "
              + place
              + " '"
              + chatId
              + "' that this account can see ("
              + detail
              + "): check the "
              + (place.equals("channel") ? "team and channel ids." : "chat id."));
    }
    if (status == 403) {
      return new ProviderException(
          ErrorCode.PROVIDER_REJECTED,
          "Teams refused to let this account post in "
              + place
              + " '"
              + chatId
              + "' ("
              + detail
              + "): a missing permission, or not a member.");
    }
    if (status == 400) {
      return new InvalidRequestException("Teams refused the message (" + detail + ").");
    }
    if (answer.ok()) {
      return new ProviderException(
          ErrorCode.PROVIDER_ERROR, "Teams did not say which message it sent.");
    }
    return new ProviderException(
        ErrorCode.PROVIDER_REJECTED,
        "Teams refused the message (HTTP "
            + status
            + (detail.isEmpty() ? "" : ", " + detail)
            + ").");
  }

  @Override
  public String toString() {
    return "TeamsMessages[" + provider + "]";
  }
}
