package dev.integrations.testing.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Discord's REST API for a bot (<a href="https://discord.com/developers/docs/reference#authentication">authentication</a>):
 * the token as {@code Authorization: Bot <token>} (a {@code Bearer} is someone else's OAuth token and is
 * refused), 401 {@code {"message": "401: Unauthorized", "code": 0}}, {@code GET /api/v10/users/@me},
 * {@code POST /api/v10/channels/{id}/messages} (404 {@code Unknown Channel}, code 10003), and the
 * {@code X-RateLimit-*} headers on every answer.
 *
 * <p>Thread-safe.
 */
public final class DiscordStandIn implements CatalogStandIn {
  /** The one bot token Discord accepts here. */
  public static final String BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.acme-bot-token-for-tests-0123456789";
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

  /** Starts the stand-in on a loopback port. */
  public DiscordStandIn() {
    server.setDispatcher(new Dispatcher() {
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
      return answer(200, "{\"id\": \"" + BOT_ID + "\", \"username\": \"" + BOT_NAME + "\", \"discriminator\": \"0\","
          + " \"global_name\": null, \"avatar\": null, \"bot\": true, \"flags\": 0}");
    }
    Matcher messages = MESSAGES.matcher(path);
    if (messages.matches() && request.getMethod().equals("POST")) {
      if (!messages.group(1).equals(CHANNEL)) {
        return answer(404, "{\"message\": \"Unknown Channel\", \"code\": 10003}");
      }
      JsonNode body = OAuthStandIn.jsonBody(request);
      String type = request.getHeaders().get("Content-Type");
      if (type == null || !type.startsWith("application/json") || body == null || !body.path("content").isTextual()) {
        return answer(400, "{\"message\": \"Cannot send an empty message\", \"code\": 50006}");
      }
      return answer(200, "{\"id\": \"1200000000000000001\", \"channel_id\": \"" + CHANNEL + "\", \"content\": "
          + body.get("content") + ", \"author\": {\"id\": \"" + BOT_ID + "\", \"username\": \"" + BOT_NAME + "\"}}");
    }
    return answer(404, "{\"message\": \"404: Not Found\", \"code\": 0}");
  }

  private static MockResponse answer(int status, String body) {
    return OAuthStandIn.json(status, body, "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4",
        "X-RateLimit-Reset-After", "1.000", "X-RateLimit-Bucket", "abcd1234");
  }

  @Override
  public void close() {
    server.close();
  }
}
