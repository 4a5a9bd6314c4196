package dev.integrations.providers.google.internal;

import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.MailMessage;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Builds the RFC 5322 bytes of a {@link MailMessage} with Jakarta Mail: UTF-8 subject (RFC 2047)
 * and bodies, strictly parsed addresses, a {@code multipart/alternative} when there is an HTML
 * body. No header value may contain CR or LF.
 */
public final class MimeMessages {
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private MimeMessages() {}

  /**
   * The message as Gmail's {@code raw} field expects it, before base64url encoding.
   *
   * @throws InvalidRequestException when an address is malformed or a header value has a line break
   */
  public static byte[] toBytes(MailMessage mail) {
    try {
      MimeMessage message = new MessageWithoutId();
      message.setRecipients(RecipientType.TO, addresses("to", mail.to()));
      if (!mail.cc().isEmpty()) {
        message.setRecipients(RecipientType.CC, addresses("cc", mail.cc()));
      }
      if (!mail.bcc().isEmpty()) {
        message.setRecipients(RecipientType.BCC, addresses("bcc", mail.bcc()));
      }
      requireSingleLine("subject", mail.subject());
      message.setSubject(mail.subject(), UTF_8);
      if (mail.htmlBody() == null) {
        message.setText(mail.textBody(), UTF_8);
      } else {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), UTF_8, "html");
        message.setContent(new MimeMultipart("alternative", text, html));
      }
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException | IOException e) {
      throw new InvalidRequestException("The e-mail could not be composed: " + e.getMessage());
    }
  }

  private static InternetAddress[] addresses(String field, List<String> values) {
    InternetAddress[] parsed = new InternetAddress[values.size()];
    for (int i = 0; i < parsed.length; i++) {
      String value = values.get(i);
      requireSingleLine(field, value);
      try {
        InternetAddress address = new InternetAddress(value.strip(), true);
        address.validate();
        // Re-encode the display name so that a non-ASCII one becomes an RFC 2047 word.
        parsed[i] =
            address.getPersonal() == null
                ? new InternetAddress(address.getAddress())
                : new InternetAddress(address.getAddress(), address.getPersonal(), UTF_8);
      } catch (AddressException | UnsupportedEncodingException e) {
        throw new InvalidRequestException(
            "The " + field + " address \"" + value.strip() + "\" is not a valid e-mail address.");
      }
    }
    return parsed;
  }

  private static void requireSingleLine(String field, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new InvalidRequestException("The " + field + " field must not contain line breaks.");
    }
  }

  /** Leaves the Message-ID to Gmail instead of looking up this host's name. */
  private static final class MessageWithoutId extends MimeMessage {
    MessageWithoutId() {
      super(SESSION);
    }

    @Override
    protected void updateMessageID() {}
  }
}
