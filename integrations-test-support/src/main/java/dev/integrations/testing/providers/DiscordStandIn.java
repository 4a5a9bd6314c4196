package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Discord's REST API for a bot (<a
 * href="https://discord.com/developers/docs/reference#authentication">authentication</a>): the
 * token as {@code Authorization: Bot <token>} (a {@code Bearer} is someone else's OAuth token and
 * is refused), 401 {@code {"message": "401: Unauthorized", "code": 0}}, {@code GET
 * /api/v10/users/@me}, {@code POST /api/v10/channels/{id}/messages} (404 {@code Unknown Channel},
 * code 10003), and the {@code X-RateLimit-*} headers on every answer ({@link #bucket} sets them),
 * with injectable answers to a message ({@link #rateLimitNextMessage}: a 429 with JSON {@code
 * retry_after} and {@code global}; {@link #failNextMessage}); {@link #messages} records what was
 * posted.
 *
 * <p>Thread-safe.
 */
public final class DiscordStandIn implements CatalogStandIn {
  /** The one bot token Discord accepts here. */
  public static final String BOT_TOKEN =
      "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.acme-bot-token-for-tests-0123456789";

  /** The bot's user id. */
  public static final String BOT_ID = "80351110224678912";

  /** The bot's user name. */
  public static final String BOT_NAME = "acme-bot";

  /** A channel the bot can post to. */
  public static final String CHANNEL = "1100000000000000001";

  private static final Pattern MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages");

  /** The API server. */
  public final MockWebServer server = new MockWebServer();

  /** Every request received, in order. */
  public final List<RecordedRequest> calls = new CopyOnWriteArrayList<>();

  /** What {@code POST /channels/{id}/messages} received and posted; its injected answers. */
  public final SendFaults messages = new SendFaults();

  private final AtomicReference<String[]> bucket =
      new AtomicReference<>(new String[] {"5", "4", "1.000"});
  private final AtomicLong nextId = new AtomicLong(1200000000000000001L);

  /** Starts the stand-in on a loopback port. */
  public DiscordStandIn() {
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

  /**
   * The next message is turned away as Discord does: HTTP 429 with {@code {"message": "You are
   * being rate limited.", "retry_after": <seconds>, "global": <global>}}, {@code Retry-After}
   * (whole seconds, rounded up) and {@code X-RateLimit-Scope}; nothing is posted.
   */
  public void rateLimitNextMessage(double retryAfterSeconds, boolean global) {
    String body =
        "{\"message\": \"You are being rate limited.\", \"retry_after\": "
            + retryAfterSeconds
            + ", \"global\": "
            + global
            + (global ? "" : ", \"code\": 0")
            + "}";
    messages.queue(
        OAuthStandIn.json(
            429,
            body,
            "Retry-After",
            String.valueOf((long) Math.ceil(retryAfterSeconds)),
            "X-RateLimit-Scope",
            global ? "global" : "user",
            "X-RateLimit-Limit",
            "5",
            "X-RateLimit-Remaining",
            "0",
            "X-RateLimit-Reset-After",
            String.valueOf(retryAfterSeconds),
            "X-RateLimit-Bucket",
            "abcd1234"));
  }

  /** The next message fails with HTTP {@code status} (a 5xx), as an outage does. */
  public void failNextMessage(int status) {
    messages.queue(
        OAuthStandIn.json(
            status, "{\"message\": \"" + status + ": Internal Server Error\", \"code\": 0}"));
  }

  /**
   * The rate-limit headers of later answers: the bucket has {@code remaining} of {@code limit}
   * requests left and refills after {@code resetAfterSeconds}.
   */
  public void bucket(int limit, int remaining, double resetAfterSeconds) {
    bucket.set(
        new String[] {
          String.valueOf(limit),
          String.valueOf(remaining),
          String.format(java.util.Locale.ROOT, "%.3f", resetAfterSeconds)
        });
  }

  @Override
  public String catalogOverrides() {
    String url = server.url("/api/v10").toString();
    return "discord:\n  base_url: " + url + "\n";
  }

  @Override
  public Map<String, String> env() {
    return Map.of();
  }

  private MockResponse answer(RecordedRequest request) {
    if (!("Bot " + BOT_TOKEN).equals(request.getHeaders().get("Authorization"))) {
      return answer(401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
    }
    String path = request.getUrl().encodedPath();
    if (path.equals("/api/v10/users/@me") && request.getMethod().equals("GET")) {
      return answer(
          200,
          "{\"id\": \""
              + BOT_ID
              + "\", \"username\": \""
              + BOT_NAME
              + "\", \"discriminator\": \"0\","
              + " \"global_name\": null, \"avatar\": null, \"bot\": true, \"flags\": 0}");
    }
    Matcher messages = MESSAGES.matcher(path);
    if (messages.matches() && request.getMethod().equals("POST")) {
      if (!messages.group(1).equals(CHANNEL)) {
        return answer(404, "{\"message\": \"Unknown Channel\", \"code\": 10003}");
      }
      JsonNode body = OAuthStandIn.jsonBody(request);
      String type = request.getHeaders().get("Content-Type");
      if (type == null
          || !type.startsWith("application/json")
          || body == null
          || !body.path("content").isTextual()) {
        return answer(400, "{\"message\": \"Cannot send an empty message\", \"code\": 50006}");
      }
      MockResponse injected = this.messages.attempt(body.get("content").asText());
      if (injected != null) {
        return injected;
      }
      this.messages.deliver(body.get("content").asText());
      return answer(
          200,
          "{\"id\": \""
              + nextId.getAndIncrement()
              + "\", \"channel_id\": \""
              + CHANNEL
              + "\", \"content\": "
              + body.get("content")
              + ", \"flags\": "
              + body.path("flags").asInt(0)
              + ", \"author\": {\"id\": \""
              + BOT_ID
              + "\", \"username\": \""
              + BOT_NAME
              + "\"}}");
    }
    return answer(404, "{\"message\": \"404: Not Found\", \"code\": 0}");
  }

  private MockResponse answer(int status, String body) {
    String[] limits = bucket.get();
    return OAuthStandIn.json(
        status,
        body,
        "X-RateLimit-Limit",
        limits[0],
        "X-RateLimit-Remaining",
        limits[1],
        "X-RateLimit-Reset-After",
        limits[2],
        "X-RateLimit-Bucket",
        "abcd1234");
  }

  @Override
  public void close() {
    server.close();
  }
}
