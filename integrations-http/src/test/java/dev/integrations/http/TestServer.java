package dev.integrations.http;

import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.testing.ServerEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The real composition root and server on a random port of 127.0.0.1, with an HTTP client. */
final class TestServer implements AutoCloseable {
  static final String FRONTEND = "http://frontend.test:3000/integrations";

  final String jwtSecret;

  /** The server's H2 database, for tests that must see or age what it stored. */
  final String dbUrl;

  final Wiring wiring;
  final HttpServer server;
  final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final ServerEnvironment environment =
      ServerEnvironment.create("integrations-http-test-", 0);

  /** This server's /openapi.json, which every answer received through {@link #send} must fit. */
  final ApiDocument document;

  private TestServer(Map<String, String> extra) {
    jwtSecret = environment.jwtSecret;
    dbUrl = environment.dbUrl;
    Map<String, String> env = environment.env();
    env.put("INTEGRATIONS_FRONTEND_URL", FRONTEND);
    env.putAll(extra);
    wiring = Wiring.start(Settings.from(ConfigSource.of(env)));
    server = HttpServer.start(wiring);
    document =
        ApiDocument.of(fetch(HttpRequest.newBuilder(uri("/openapi.json")).GET().build()).body());
  }

  static TestServer start() {
    return new TestServer(Map.of());
  }

  static TestServer start(Map<String, String> extra) {
    return new TestServer(extra);
  }

  /** A valid token for {@code user}, expiring in an hour. */
  String token(String user) {
    return environment.token(user);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpRequest.Builder request(String pathAndQuery, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  HttpResponse<String> get(String pathAndQuery, String token) {
    return send(request(pathAndQuery, token).GET().build());
  }

  HttpResponse<String> post(String pathAndQuery, String token, String json) {
    return send(
        request(pathAndQuery, token)
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * Sends {@code request} and checks the answer against /openapi.json (see {@link ApiDocument}).
   */
  HttpResponse<String> send(HttpRequest request) {
    HttpResponse<String> response = fetch(request);
    document.check(request, response);
    return response;
  }

  private HttpResponse<String> fetch(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    wiring.close();
  }
}
