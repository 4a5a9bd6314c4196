package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Outlook mail in Microsoft Graph, for {@link MicrosoftStandIn}: {@code POST /me/sendMail} (a JSON
 * {@code message} with at least one recipient, 202 and no body) and {@code GET /me/messages} with
 * {@code $search} (its value in double quotes, never with {@code $orderby}), {@code $top} (1 to
 * 1000), {@code $select} and {@code $skip} paging through {@code @odata.nextLink}.
 *
 * @see <a href="https://learn.microsoft.com/graph/search-query-parameter">$search on messages</a>
 */
final class OutlookMailbox {
  /** A message sent through the stand-in. */
  record Sent(String account, JsonNode message) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final List<ObjectNode> inbox = new ArrayList<>();

  OutlookMailbox() {
    inbox.add(
        message(
            "AAMkAGI2TG93AAA=",
            "Quarterly report",
            "Ann Example",
            "ann@contoso.com",
            "The numbers for Q3 are in.",
            "2026-01-03T09:00:00Z"));
    inbox.add(
        message(
            "AAMkAGI2TG94AAA=",
            "Réunion lundi",
            "Zoë Müller",
            "zoe@contoso.com",
            "On se voit à 10 h ?",
            "2026-01-02T08:30:00Z"));
    inbox.add(
        message(
            "AAMkAGI2TG95AAA=",
            "Invoice 42",
            "Billing",
            "billing@fabrikam.com",
            "Your invoice is attached.",
            "2026-01-01T12:00:00Z"));
  }

  /**
   * {@code POST /me/sendMail}: null when accepted, otherwise Graph's complaint (status, code,
   * message).
   */
  String[] send(String account, RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return new String[] {"415", "UnsupportedMediaType", "The content type is not supported."};
    }
    JsonNode body = OAuthStandIn.jsonBody(request);
    JsonNode message = body == null ? null : body.get("message");
    if (message == null || !message.isObject()) {
      return new String[] {"400", "ErrorInvalidRequest", "Cannot read the request body."};
    }
    JsonNode to = message.path("toRecipients");
    if (!to.isArray() || to.isEmpty()) {
      return new String[] {"400", "ErrorInvalidRecipients", "At least one recipient is not valid."};
    }
    for (String list : new String[] {"toRecipients", "ccRecipients", "bccRecipients"}) {
      for (JsonNode recipient : message.path(list)) {
        String address = recipient.path("emailAddress").path("address").asText("");
        if (!address.matches("[^@\\s]+@[^@\\s]+")) {
          return new String[] {
            "400", "ErrorInvalidRecipients", "At least one recipient is not valid."
          };
        }
      }
    }
    String contentType = message.path("body").path("contentType").asText("Text");
    if (!contentType.equalsIgnoreCase("Text") && !contentType.equalsIgnoreCase("HTML")) {
      return new String[] {
        "400", "RequestBodyRead", "Requested value '" + contentType + "' was not found."
      };
    }
    sent.add(new Sent(account, message));
    return null;
  }

  /** {@code GET /me/messages}: the status and the body. */
  String[] list(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String search = url.queryParameter("$search");
    if (search != null && url.queryParameter("$orderby") != null) {
      return new String[] {
        "400",
        error(
            "ErrorInvalidUrlQuery",
            "The query parameter '$orderby' is not supported with '$search'.")
      };
    }
    if (search != null
        && (search.length() < 2 || !search.startsWith("\"") || !search.endsWith("\""))) {
      return new String[] {
        "400",
        error(
            "BadRequest",
            "Syntax error: character '"
                + (search.isEmpty() ? "" : search.substring(0, 1))
                + "' is not valid at position 0 in '"
                + search
                + "'.")
      };
    }
    int top = intParam(url, "$top", 10);
    int skip = intParam(url, "$skip", 0);
    if (top < 1 || top > 1000) {
      return new String[] {
        "400",
        error("ErrorInvalidUrlQueryParameterValue", "The value of $top must be between 1 and 1000.")
      };
    }
    String term =
        search == null
            ? ""
            : search
                .substring(1, search.length() - 1)
                .replace("\\\"", "\"")
                .toLowerCase(Locale.ROOT);
    List<ObjectNode> matching =
        inbox.stream()
            .filter(
                m ->
                    term.isEmpty()
                        || m.toString()
                            .toLowerCase(Locale.ROOT)
                            .contains(term.replaceFirst("^(subject|from|body):", "")))
            .toList();
    ObjectNode answer = JSON.createObjectNode();
    answer.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages");
    ArrayNode value = answer.putArray("value");
    String select = url.queryParameter("$select");
    for (ObjectNode message :
        matching.subList(Math.min(skip, matching.size()), Math.min(skip + top, matching.size()))) {
      value.add(selected(message, select));
    }
    if (skip + top < matching.size()) {
      answer.put(
          "@odata.nextLink",
          url.newBuilder()
              .setQueryParameter("$skip", String.valueOf(skip + top))
              .build()
              .toString());
    }
    return new String[] {"200", answer.toString()};
  }

  private static ObjectNode selected(ObjectNode message, String select) {
    if (select == null) {
      return message;
    }
    ObjectNode chosen = JSON.createObjectNode();
    chosen.put("@odata.etag", "W/\"CQAAABYAAAA\"");
    for (String field : select.split(",")) {
      if (message.has(field.strip())) {
        chosen.set(field.strip(), message.get(field.strip()));
      }
    }
    chosen.set("id", message.get("id"));
    return chosen;
  }

  private static ObjectNode message(
      String id, String subject, String name, String address, String preview, String received) {
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("conversationId", "AAQkAGI2-" + id.substring(8, 12));
    message.put("subject", subject);
    message.put("bodyPreview", preview);
    message.put("receivedDateTime", received);
    message.put("isRead", false);
    message.putObject("from").putObject("emailAddress").put("name", name).put("address", address);
    return message;
  }

  private static int intParam(HttpUrl url, String name, int fallback) {
    String value = url.queryParameter(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String error(String code, String message) {
    ObjectNode error = JSON.createObjectNode();
    error
        .putObject("error")
        .put("code", code)
        .put("message", message)
        .putObject("innerError")
        .put("date", "2026-01-01T00:00:00")
        .put("request-id", java.util.UUID.randomUUID().toString());
    return error.toString();
  }
}
