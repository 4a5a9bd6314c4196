package dev.integrations.core.model;

import dev.integrations.core.error.InvalidRequestException;
import java.util.Locale;

/**
 * A chat message to send.
 *
 * @param chatId a numeric chat id or {@code @channelusername}
 * @param text 1 to 4096 characters after entity parsing: plain text is checked here, formatted text
 *     (with a parse mode) by the provider adapter, which knows the markup
 * @param parseMode {@code MarkdownV2}, {@code HTML} or null for plain text
 * @param disableNotification deliver silently
 */
public record ChatMessage(String chatId, String text, String parseMode, boolean disableNotification) {
  /** The longest text Telegram accepts, in characters after entity parsing. */
  public static final int MAX_TEXT_LENGTH = 4096;
  /** No formatted text this long can parse down to {@link #MAX_TEXT_LENGTH} characters of use. */
  private static final int MAX_MARKUP_LENGTH = 16 * MAX_TEXT_LENGTH;

  /** Validates the chat id and the text, and normalizes the parse mode. */
  public ChatMessage {
    if (chatId == null || chatId.isBlank()) {
      throw new InvalidRequestException("A chat_id is required.");
    }
    chatId = chatId.strip();
    if (!chatId.matches("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}")) {
      throw new InvalidRequestException(
          "chat_id must be a numeric chat id or @channelusername.");
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
      parseMode = switch (mode) {
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
