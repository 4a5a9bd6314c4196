package dev.integrations.core.model;

import dev.integrations.core.error.InvalidRequestException;
import java.util.Locale;

/**
 * A chat message to send, to any provider with the messages capability. The chat id's general shape is
 * checked here; each provider's adapter checks its own form of it (Telegram: a numeric chat id or {@code
 * @channelusername}; Slack: a channel id; Discord: a channel snowflake; Teams: {@code teamId/channelId} or
 * a chat id; WhatsApp: the recipient's phone number) and its own text limit.
 *
 * @param chatId where to send: 1 to 256 characters among letters, digits and {@code @ : . _ # + = / -}
 * @param text 1 to 4096 characters after entity parsing: plain text is checked here, formatted text
 *     (with a parse mode) by the provider adapter, which knows the markup
 * @param parseMode {@code MarkdownV2}, {@code HTML} or null for plain text
 * @param disableNotification deliver silently
 */
public record ChatMessage(
    String chatId, String text, String parseMode, boolean disableNotification) {
  /**
   * The longest text Telegram accepts, in characters after entity parsing; no provider takes more
   * here.
   */
  public static final int MAX_TEXT_LENGTH = 4096;

  /** The longest chat id. */
  public static final int MAX_CHAT_ID_LENGTH = 256;

  /** No formatted text this long can parse down to {@link #MAX_TEXT_LENGTH} characters of use. */
  private static final int MAX_MARKUP_LENGTH = 16 * MAX_TEXT_LENGTH;

  /** Validates the chat id and the text, and normalizes the parse mode. */
  public ChatMessage {
    if (chatId == null || chatId.isBlank()) {
      throw new InvalidRequestException("A chat_id is required.");
    }
    chatId = chatId.strip();
    if (chatId.length() > MAX_CHAT_ID_LENGTH || !chatId.matches("[A-Za-z0-9@:._#+=/-]+")) {
      throw new InvalidRequestException(
          "chat_id must be a chat or channel id: at most "
              + MAX_CHAT_ID_LENGTH
              + " letters, digits or @ : . _ # + = / - (a numeric chat id or @channelusername for Telegram).");
    }
    if (text == null || text.isEmpty()) {
      throw new InvalidRequestException("A message text is required.");
    }
    if (text.length() > MAX_MARKUP_LENGTH) {
      throw new InvalidRequestException(
          "A message text has at most " + MAX_TEXT_LENGTH + " characters.");
    }
    if (parseMode != null && !parseMode.isEmpty()) {
      String mode = parseMode.toLowerCase(Locale.ROOT);
      parseMode =
          switch (mode) {
            case "markdownv2" -> "MarkdownV2";
            case "html" -> "HTML";
            default -> throw new InvalidRequestException("parse_mode must be MarkdownV2 or HTML.");
          };
    } else {
      parseMode = null;
      if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
        throw new InvalidRequestException(
            "A message text has at most " + MAX_TEXT_LENGTH + " characters.");
      }
    }
  }

  /** A plain-text message with notification. */
  public static ChatMessage text(String chatId, String text) {
    return new ChatMessage(chatId, text, null, false);
  }
}
