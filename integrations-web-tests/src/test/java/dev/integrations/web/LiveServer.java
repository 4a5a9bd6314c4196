package dev.integrations.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.http.HttpServer;
import dev.integrations.testing.ServerEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The real composition root and server on a free port of 127.0.0.1, whose public and frontend URLs
 * are its own address (so the OAuth callback comes back to the web page), with the providers stood
 * in.
 */
final class LiveServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final StandIns standIns = new StandIns();
  final String base;
  private final ServerEnvironment environment;
  private final Wiring wiring;
  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  LiveServer() {
    int port = freePort();
    base = "http://127.0.0.1:" + port;
    environment = ServerEnvironment.create("integrations-web-test-", port);
    Map<String, String> env = environment.env();
    env.putAll(standIns.env());
    env.put("INTEGRATIONS_PUBLIC_URL", base);
    env.put("INTEGRATIONS_FRONTEND_URL", base + "/");
    wiring = Wiring.start(Settings.from(ConfigSource.of(env)));
    server = HttpServer.start(wiring);
  }

  /** A valid token for {@code user}, expiring in an hour. */
  String token(String user) {
    return environment.token(user);
  }

  /** Another valid token for {@code user}, told apart from the others by its {@code jti}. */
  String anotherToken(String user) {
    return com.auth0
        .jwt
        .JWT
        .create()
        .withSubject(user)
        .withJWTId(java.util.UUID.randomUUID().toString())
        .withExpiresAt(java.time.Instant.now().plusSeconds(3600))
        .sign(com.auth0.jwt.algorithms.Algorithm.HMAC256(environment.jwtSecret));
  }

  /** The status of {@code type} for {@code user}, as the API reports it. */
  String status(String user, String type) {
    for (JsonNode entry : call("GET", "/api/integrations", user, null).body()) {
      if (entry.path("type").asText().equals(type)) {
        return entry.path("status").asText();
      }
    }
    throw new AssertionError(type + " is not listed");
  }

  /** Connects Telegram for {@code user} through the API, without the page. */
  void connectTelegram(String user) {
    Reply reply =
        call(
            "POST",
            "/api/integrations/connect",
            user,
            "{\"integration_type\":\"telegram\",\"bot_token\":\"" + StandIns.BOT_TOKEN + "\"}");
    if (reply.status() != 200) {
      throw new AssertionError("connecting Telegram failed: " + reply);
    }
  }

  record Reply(int status, JsonNode body) {}

  Reply call(String method, String path, String user, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token(user))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(base + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    wiring.close();
    standIns.close();
  }
}
