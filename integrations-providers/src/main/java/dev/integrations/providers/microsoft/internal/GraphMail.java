package dev.integrations.providers.microsoft.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailSummary;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Outlook mail in Graph's JSON: a {@link MailMessage} as the {@code sendMail} request, and a
 * message of a listing as a {@link MailSummary}. Addresses are parsed strictly (Jakarta Mail, as
 * for Gmail) into Graph's {@code emailAddress} objects; no value may carry CR or LF, so no header
 * can be smuggled into the message Exchange builds from it.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-sendmail">user: sendMail</a>
 */
public final class GraphMail {
  /** The fields a mail search reads. */
  public static final String SUMMARY_FIELDS =
      "id,conversationId,from,subject,bodyPreview,receivedDateTime";

  private GraphMail() {}

  /**
   * The body of {@code POST /me/sendMail}: the message, kept in Sent Items. With an HTML body the
   * message is sent as HTML (Graph takes one body); otherwise as text.
   *
   * @throws InvalidRequestException when an address is malformed or a value has a line break
   */
  public static byte[] sendMailBody(MailMessage mail) {
    requireSingleLine("subject", mail.subject());
    ObjectNode message = Graph.MAPPER.createObjectNode();
    message.put("subject", mail.subject());
    ObjectNode body = message.putObject("body");
    body.put("contentType", mail.htmlBody() == null ? "Text" : "HTML");
    body.put("content", mail.htmlBody() == null ? mail.textBody() : mail.htmlBody());
    recipients(message.putArray("toRecipients"), "to", mail.to());
    recipients(message.putArray("ccRecipients"), "cc", mail.cc());
    recipients(message.putArray("bccRecipients"), "bcc", mail.bcc());
    ObjectNode request = Graph.MAPPER.createObjectNode();
    request.set("message", message);
    request.put("saveToSentItems", true);
    return request.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code $search}'s value: the query in double quotes, its own quotes and backslashes escaped.
   */
  public static String searchValue(String query) {
    return "\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** One message of a listing. */
  public static MailSummary summary(JsonNode message) {
    return new MailSummary(
        text(message, "id"),
        text(message, "conversationId"),
        from(message.path("from").path("emailAddress")),
        text(message, "subject"),
        text(message, "bodyPreview"),
        instant(text(message, "receivedDateTime")));
  }

  private static void recipients(ArrayNode list, String field, List<String> addresses) {
    for (String value : addresses) {
      requireSingleLine(field, value);
      InternetAddress address;
      try {
        address = new InternetAddress(value.strip(), true);
        address.validate();
      } catch (AddressException e) {
        throw new InvalidRequestException(
            "The " + field + " address \"" + value.strip() + "\" is not a valid e-mail address.");
      }
      ObjectNode email = list.addObject().putObject("emailAddress");
      email.put("address", address.getAddress());
      if (address.getPersonal() != null) {
        email.put("name", address.getPersonal());
      }
    }
  }

  private static String from(JsonNode email) {
    String address = text(email, "address");
    String name = text(email, "name");
    if (address == null) {
      return name;
    }
    return name == null || name.equals(address) ? address : name + " <" + address + ">";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void requireSingleLine(String field, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new InvalidRequestException("The " + field + " field must not contain line breaks.");
    }
  }
}
