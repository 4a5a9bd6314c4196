package dev.integrations.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Node.js webhook receiver ({@code node/receiver.js}) as a process of its own: it verifies
 * every delivery with the npm {@code standardwebhooks} package and records it.
 */
final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The signing secret, {@code whsec_} and the base64 of 32 random bytes. */
  final String secret;

  final URI url;
  private final Process process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A delivery as the receiver saw it. */
  record Seen(
      String id,
      String type,
      boolean verified,
      Integer answer,
      boolean held,
      long at,
      Long closedAt,
      JsonNode payload) {
    /** Whether the receiver accepted it: verified and answered 2xx. */
    boolean acknowledged() {
      return verified && answer != null && answer / 100 == 2;
    }
  }

  WebhookReceiver() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    process = NodeTools.node("receiver.js", Map.of("WEBHOOK_SECRET", secret));
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line =
        CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return out.readLine();
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .get(60, TimeUnit.SECONDS);
    if (line == null || !line.startsWith("listening ")) {
      throw new IllegalStateException("The receiver did not start: " + line);
    }
    url =
        URI.create("http://127.0.0.1:" + line.substring("listening ".length()).strip() + "/hooks");
  }

  /** Answers every delivery from now on with 200. */
  void answerOk() throws Exception {
    control("{\"mode\":\"ok\"}");
  }

  /** Never answers a delivery from now on (the sender going away ends it). */
  void hold() throws Exception {
    control("{\"mode\":\"hold\"}");
  }

  /**
   * Answers the next {@code times} deliveries with {@code status} (and a Retry-After when not
   * null).
   */
  void answer(int status, String retryAfter, int times) throws Exception {
    control(
        "{\"mode\":\"status\",\"status\":"
            + status
            + ",\"times\":"
            + times
            + (retryAfter == null ? "" : ",\"retry_after\":\"" + retryAfter + "\"")
            + "}");
  }

  private void control(String json) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(url.resolve("/control"))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 204) {
      throw new IllegalStateException("The receiver refused " + json);
    }
  }

  /** Every delivery so far, in arrival order (a held one appears when its sender went away). */
  List<Seen> received() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(url.resolve("/received")).build(),
            HttpResponse.BodyHandlers.ofString());
    List<Seen> seen = new ArrayList<>();
    for (JsonNode d : JSON.readTree(answer.body())) {
      seen.add(
          new Seen(
              d.path("id").asText(null),
              d.path("type").asText(null),
              d.path("verified").asBoolean(),
              d.path("answer").isNull() ? null : d.path("answer").asInt(),
              d.path("held").asBoolean(),
              d.path("at").asLong(),
              d.path("closed_at").isNumber() ? d.path("closed_at").asLong() : null,
              d.path("payload")));
    }
    return seen;
  }

  /** Waits (up to {@code limit}) until the deliveries satisfy {@code done}; returns them. */
  List<Seen> awaitReceived(Predicate<List<Seen>> done, Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    List<Seen> seen = received();
    while (!done.test(seen)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "The receiver did not get what was expected within " + limit + "; it got " + seen);
      }
      Thread.sleep(50); // polling the receiver, not arranging an overlap
      seen = received();
    }
    return seen;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
