package dev.integrations.bootstrap.presentation;

import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.SentMessage;
import java.time.Instant;
import java.util.List;

/** Request and answer bodies of the action routes. */
public final class ActionBodies {
  private ActionBodies() {}

  /**
   * {@code POST /api/integrations/{type}/messages} for a mail provider ({@code gmail}, {@code
   * outlook}…); {@code to}, {@code cc}, {@code bcc} take one address or a list.
   */
  public record SendMail(
      List<String> to,
      List<String> cc,
      List<String> bcc,
      String subject,
      String body,
      String htmlBody) {
    public MailMessage toMessage() {
      return new MailMessage(to, cc, bcc, subject, body, htmlBody);
    }
  }

  /** A sent e-mail. */
  public record MailSent(String id, String threadId) {
    public static MailSent of(SentMail sent) {
      return new MailSent(sent.id(), sent.threadId());
    }
  }

  /** One message of a mail search. */
  public record Mail(
      String id, String threadId, String from, String subject, String snippet, Instant date) {
    public static Mail of(MailSummary m) {
      return new Mail(m.id(), m.threadId(), m.from(), m.subject(), m.snippet(), m.date());
    }
  }

  /** A file at the storage provider. */
  public record File(String id, String name, String mimeType, Long size, Instant modifiedTime) {
    public static File of(RemoteFile f) {
      return new File(f.id(), f.name(), f.mimeType(), f.size(), f.modifiedTime());
    }
  }

  /**
   * {@code POST /api/integrations/{type}/messages} for a messages provider ({@code telegram},
   * {@code slack}…); {@code chat_id} may be a number or a string: a Telegram chat id, a Slack or
   * Discord channel id, {@code teamId/channelId} for a Teams channel, a phone number for WhatsApp.
   */
  public record SendChatMessage(
      String chatId, String text, String parseMode, Boolean disableNotification) {
    public ChatMessage toMessage() {
      return new ChatMessage(chatId, text, parseMode, Boolean.TRUE.equals(disableNotification));
    }
  }

  /** A delivered chat message. */
  public record MessageSent(Object messageId) {
    /**
     * The provider's id: a JSON number where it is one (Telegram's {@code message_id}, as the
     * original service answered), the provider's text otherwise (Slack's {@code ts}, WhatsApp's
     * {@code wamid.…}).
     */
    public static MessageSent of(SentMessage sent) {
      return new MessageSent(sent.hasNumericId() ? (Object) sent.messageId() : sent.id());
    }
  }
}
