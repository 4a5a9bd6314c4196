package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The WhatsApp Business Cloud API (Graph, <a
 * href="https://developers.facebook.com/docs/whatsapp/cloud-api">Cloud API</a>) for one business
 * phone number: the system-user token as {@code Authorization: Bearer}; {@code GET
 * /v21.0/{phone-number-id}} (its verified name and display number); {@code POST
 * /v21.0/{phone-number-id}/messages} for {@code "type": "text"} messages, answering the contact and
 * a {@code wamid.…} id. Errors are Graph's {@code {"error": {"message", "type", "code",
 * "error_subcode", "fbtrace_id"}}}: 401 code 190 for an unknown or revoked token, 400 code 100
 * subcode 33 for an unknown phone number id, 400 code 131030 for a recipient outside {@link
 * #RECIPIENT} and {@link #OUTSIDE_WINDOW}, 400 code 131047 for {@link #OUTSIDE_WINDOW} (no customer
 * message in 24 hours). Injectable: a rate limit ({@link #rateLimitNextMessage}), a 5xx ({@link
 * #failNextMessage}), a revoked token ({@link #revokeToken}).
 *
 * <p>Thread-safe.
 */
public final class WhatsAppStandIn implements CatalogStandIn {
  /** The one system-user access token accepted here. */
  public static final String ACCESS_TOKEN = "EAAJB0acmeSystemUserToken0123456789abcdefZZ";

  /** The business phone number's id. */
  public static final String PHONE_NUMBER_ID = "106540352242922";

  /** Its display number. */
  public static final String DISPLAY_PHONE_NUMBER = "+1 555-010-0199";

  /** A customer who wrote in the last 24 hours: text messages to them are delivered. */
  public static final String RECIPIENT = "+15551234567";

  /** A customer who has not written for more than 24 hours: free-form text is refused (131047). */
  public static final String OUTSIDE_WINDOW = "+15557654321";

  /** The API server. */
  public final MockWebServer server = new MockWebServer();

  /** Every request received, in order. */
  public final List<RecordedRequest> calls = new CopyOnWriteArrayList<>();

  /** What the messages endpoint received and delivered; its injected answers. */
  public final SendFaults messages = new SendFaults();

  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  /** Starts the stand-in on a loopback port. */
  public WhatsAppStandIn() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            calls.add(request);
            return answer(request);
          }
        });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String catalogOverrides() {
    return "whatsapp:\n  base_url: " + server.url("/v21.0") + "\n";
  }

  @Override
  public Map<String, String> env() {
    return Map.of();
  }

  /**
   * The next message is refused for its rate: HTTP {@code status} with error code {@code code}
   * (130429 throughput, 131056 pair rate, 80007 account, 4 app), and {@code Retry-After} when
   * {@code retryAfterSeconds} is not negative; nothing is sent.
   */
  public void rateLimitNextMessage(int status, int code, int retryAfterSeconds) {
    String body = error("(#" + code + ") Rate limit hit", "OAuthException", code, -1);
    messages.queue(
        retryAfterSeconds < 0
            ? OAuthStandIn.json(status, body)
            : OAuthStandIn.json(status, body, "Retry-After", String.valueOf(retryAfterSeconds)));
  }

  /** The next message fails with HTTP {@code status} (a 5xx), as an outage does. */
  public void failNextMessage(int status) {
    messages.queue(
        OAuthStandIn.json(status, error("An unknown error occurred", "OAuthException", 1, -1)));
  }

  /** The access token stops working, as when its system user is removed. */
  public void revokeToken() {
    revoked.add(ACCESS_TOKEN);
  }

  /** The access token works again. */
  public void restoreToken() {
    revoked.remove(ACCESS_TOKEN);
  }

  private MockResponse answer(RecordedRequest request) {
    String authorization = request.getHeaders().get("Authorization");
    if (authorization == null
        || !authorization.equals("Bearer " + ACCESS_TOKEN)
        || revoked.contains(ACCESS_TOKEN)) {
      return OAuthStandIn.json(
          401,
          error(
              revoked.contains(ACCESS_TOKEN)
                  ? "Error validating access token: The session has been invalidated because the user changed their password"
                      + " or Facebook has changed the session for security reasons."
                  : "Invalid OAuth access token - Cannot parse access token",
              "OAuthException",
              190,
              revoked.contains(ACCESS_TOKEN) ? 460 : -1),
          "WWW-Authenticate",
          "OAuth \"Facebook Platform\" \"invalid_token\"");
    }
    List<String> segments = request.getUrl().pathSegments();
    if (segments.size() < 2 || !segments.get(0).equals("v21.0")) {
      return OAuthStandIn.json(400, error("Unknown path components", "OAuthException", 2500, -1));
    }
    if (!segments.get(1).equals(PHONE_NUMBER_ID)) {
      return OAuthStandIn.json(
          400,
          error(
              "Unsupported get request. Object with ID '"
                  + segments.get(1)
                  + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
              "GraphMethodException",
              100,
              33));
    }
    if (segments.size() == 2 && request.getMethod().equals("GET")) {
      return OAuthStandIn.json(
          200,
          "{\"verified_name\": \"Acme Support\", \"code_verification_status\": \"VERIFIED\","
              + " \"display_phone_number\": \""
              + DISPLAY_PHONE_NUMBER
              + "\", \"quality_rating\": \"GREEN\","
              + " \"platform_type\": \"CLOUD_API\", \"id\": \""
              + PHONE_NUMBER_ID
              + "\"}");
    }
    if (segments.size() == 3
        && segments.get(2).equals("messages")
        && request.getMethod().equals("POST")) {
      return message(request);
    }
    return OAuthStandIn.json(400, error("Unknown path components", "OAuthException", 2500, -1));
  }

  private MockResponse message(RecordedRequest request) {
    JsonNode body = OAuthStandIn.jsonBody(request);
    if (body == null || !body.path("messaging_product").asText().equals("whatsapp")) {
      return OAuthStandIn.json(
          400,
          error("(#100) The parameter messaging_product is required.", "OAuthException", 100, -1));
    }
    String to = body.path("to").asText("");
    String text = body.path("text").path("body").asText("");
    if (!body.path("type").asText().equals("text") || text.isEmpty()) {
      return OAuthStandIn.json(
          400, error("(#100) Param text['body'] is required.", "OAuthException", 100, -1));
    }
    MockResponse injected = messages.attempt(text);
    if (injected != null) {
      return injected;
    }
    if (to.equals(OUTSIDE_WINDOW)) {
      return OAuthStandIn.json(
          400, error("(#131047) Re-engagement message", "OAuthException", 131047, 2494010));
    }
    if (!to.equals(RECIPIENT) && !to.equals(RECIPIENT.substring(1))) {
      return OAuthStandIn.json(
          400,
          error(
              "(#131030) Recipient phone number not in allowed list",
              "OAuthException",
              131030,
              2655007));
    }
    messages.deliver(text);
    return OAuthStandIn.json(
        200,
        "{\"messaging_product\": \"whatsapp\", \"contacts\": [{\"input\": \""
            + to
            + "\", \"wa_id\": \""
            + RECIPIENT.substring(1)
            + "\"}], \"messages\": [{\"id\": \"wamid."
            + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT)
            + "\"}]}");
  }

  private static String error(String message, String type, int code, int subcode) {
    return "{\"error\": {\"message\": \""
        + message
        + "\", \"type\": \""
        + type
        + "\", \"code\": "
        + code
        + (subcode < 0 ? "" : ", \"error_subcode\": " + subcode)
        + ", \"fbtrace_id\": \"A"
        + UUID.randomUUID().toString().substring(0, 20).replace("-", "")
        + "\"}}";
  }

  @Override
  public void close() {
    server.close();
  }
}
