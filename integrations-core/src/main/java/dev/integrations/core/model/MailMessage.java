package dev.integrations.core.model;

import dev.integrations.core.error.InvalidRequestException;
import java.util.List;

/**
 * An e-mail to send. Header values (addresses, subject) must not contain CR or LF: a header cannot
 * be smuggled in through them. Address syntax is checked again by the provider's MIME library.
 *
 * @param to at least one recipient
 * @param cc carbon-copy recipients, possibly empty
 * @param bcc blind carbon-copy recipients, possibly empty
 * @param subject the subject, possibly empty, any Unicode
 * @param textBody the plain-text body
 * @param htmlBody an HTML alternative, or null
 */
public record MailMessage(
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String textBody,
    String htmlBody) {
  /** Validates the message and copies the address lists. */
  public MailMessage {
    to = copyAddresses("to", to);
    cc = copyAddresses("cc", cc);
    bcc = copyAddresses("bcc", bcc);
    if (to.isEmpty()) {
      throw new InvalidRequestException("At least one recipient (to) is required.");
    }
    subject = subject == null ? "" : subject;
    requireSingleLine("subject", subject);
    if (textBody == null) {
      throw new InvalidRequestException("A body is required.");
    }
  }

  /** A plain-text message to the given recipients. */
  public static MailMessage text(List<String> to, String subject, String body) {
    return new MailMessage(to, List.of(), List.of(), subject, body, null);
  }

  private static List<String> copyAddresses(String field, List<String> addresses) {
    if (addresses == null) {
      return List.of();
    }
    for (String address : addresses) {
      if (address == null || address.isBlank()) {
        throw new InvalidRequestException("An address in " + field + " is empty.");
      }
      requireSingleLine(field, address);
    }
    return List.copyOf(addresses);
  }

  private static void requireSingleLine(String field, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new InvalidRequestException("The " + field + " field must not contain line breaks.");
    }
  }
}
