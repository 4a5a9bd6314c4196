package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The Teams part of {@link MicrosoftStandIn}'s Graph: {@code POST
 * /v1.0/teams/{team}/channels/{channel}/messages} (needs {@code ChannelMessage.Send}) and {@code
 * POST /v1.0/chats/{chat}/messages} (needs {@code Chat.ReadWrite}), answering 201 with the new
 * chatMessage; an unknown team, channel or chat is 404 {@code NotFound}; a body without {@code
 * body.content} is 400 {@code BadRequest}. Injectable: a 429 with {@code Retry-After} ({@link
 * #throttleNextMessage}), a 5xx ({@link #failNextMessage}). Thread-safe.
 */
public final class TeamsGraph {
  /** The one team this tenant has. */
  public static final String TEAM_ID = "5e0e6c4a-8e6d-4d6b-9b3a-2f1c0d9e8a71";

  /** Its one channel. */
  public static final String CHANNEL_ID = "19:a1b2c3d4e5f6@thread.tacv2";

  /** The one chat the user is in. */
  public static final String CHAT_ID = "19:meeting_Zjk2YjVm@thread.v2";

  /** What the message endpoints received and posted; their injected answers. */
  public final SendFaults messages = new SendFaults();

  private final AtomicLong nextId = new AtomicLong(1700000000000L);

  TeamsGraph() {}

  /**
   * Graph throttles the next message: 429 {@code TooManyRequests} with {@code Retry-After}; nothing
   * is posted.
   */
  public void throttleNextMessage(int retryAfterSeconds) {
    messages.queue(
        OAuthStandIn.json(
            429,
            error("TooManyRequests", "Too many requests."),
            "Retry-After",
            String.valueOf(retryAfterSeconds)));
  }

  /** The next message fails with HTTP {@code status} (a 5xx), as an outage does. */
  public void failNextMessage(int status) {
    messages.queue(
        OAuthStandIn.json(status, error("ServiceNotAvailable", "The service is not available.")));
  }

  /** Whether {@code request} is one of these endpoints. */
  static boolean serves(RecordedRequest request) {
    List<String> segments = request.getUrl().pathSegments();
    return segments.size() >= 3
        && segments.get(0).equals("v1.0")
        && (segments.get(1).equals("teams") || segments.get(1).equals("chats"));
  }

  /** The answer for an authenticated request with {@code scopes}. */
  MockResponse answer(RecordedRequest request, java.util.Set<String> scopes) {
    List<String> s = request.getUrl().pathSegments();
    boolean channel =
        s.size() == 6
            && s.get(1).equals("teams")
            && s.get(3).equals("channels")
            && s.get(5).equals("messages");
    boolean chat = s.size() == 4 && s.get(1).equals("chats") && s.get(3).equals("messages");
    if (!request.getMethod().equals("POST") || !(channel || chat)) {
      return OAuthStandIn.json(404, error("NotFound", "Resource not found."));
    }
    if (!scopes.contains(channel ? "ChannelMessage.Send" : "Chat.ReadWrite")) {
      return OAuthStandIn.json(403, error("Forbidden", "Missing role permissions on the request."));
    }
    boolean known =
        channel
            ? s.get(2).equals(TEAM_ID) && s.get(4).equals(CHANNEL_ID)
            : s.get(2).equals(CHAT_ID);
    if (!known) {
      return OAuthStandIn.json(
          404,
          error(
              "NotFound",
              channel
                  ? "No team found with Group Id " + s.get(2)
                  : "Chat " + s.get(2) + " not found."));
    }
    JsonNode body = OAuthStandIn.jsonBody(request);
    JsonNode content = body == null ? null : body.path("body").path("content");
    String type = body == null ? "" : body.path("body").path("contentType").asText("text");
    if (content == null
        || !content.isTextual()
        || content.asText().isEmpty()
        || !List.of("text", "html").contains(type)) {
      return OAuthStandIn.json(400, error("BadRequest", "Missing body content"));
    }
    var injected = messages.attempt(content.asText());
    if (injected != null) {
      return injected;
    }
    messages.deliver(content.asText());
    return OAuthStandIn.json(
        201,
        "{\"id\": \""
            + nextId.getAndIncrement()
            + "\", \"messageType\": \"message\","
            + " \"body\": {\"contentType\": \""
            + type
            + "\", \"content\": "
            + content
            + "}, \"channelIdentity\": "
            + (channel
                ? "{\"teamId\": \"" + TEAM_ID + "\", \"channelId\": \"" + CHANNEL_ID + "\"}"
                : "null")
            + ", \"chatId\": "
            + (channel ? "null" : "\"" + CHAT_ID + "\"")
            + "}");
  }

  private static String error(String code, String message) {
    return "{\"error\": {\"code\": \""
        + code
        + "\", \"message\": \""
        + message
        + "\", \"innerError\": {\"date\":"
        + " \"2026-01-01T00:00:00\", \"request-id\": \""
        + UUID.randomUUID()
        + "\"}}}";
  }
}
