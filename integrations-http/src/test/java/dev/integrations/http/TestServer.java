package dev.integrations.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
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
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  private TestServer(Map<String, String> extra) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("integrations-http-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jwtSecret = randomBase64(32);
    dbUrl = "jdbc:h2:file:" + dataDir.resolve("db").toAbsolutePath();
    Map<String, String> env = new HashMap<>();
    env.put("INTEGRATIONS_DATA_DIR", dataDir.toString());
    env.put("INTEGRATIONS_DB_URL", dbUrl);
    env.put("INTEGRATIONS_HOST", "127.0.0.1");
    env.put("INTEGRATIONS_PORT", "0");
    env.put("INTEGRATIONS_JWT_SECRET", jwtSecret);
    env.put("INTEGRATIONS_ENCRYPTION_KEY", randomBase64(32));
    env.put("INTEGRATIONS_FRONTEND_URL", FRONTEND);
    env.putAll(extra);
    wiring = Wiring.start(Settings.from(ConfigSource.of(env)));
    server = HttpServer.start(wiring);
  }

  static TestServer start() {
    return new TestServer(Map.of());
  }

  static TestServer start(Map<String, String> extra) {
    return new TestServer(extra);
  }

  /** A valid token for {@code user}, expiring in an hour. */
  String token(String user) {
    return JWT.create()
        .withSubject(user)
        .withIssuedAt(Instant.now())
        .withExpiresAt(Instant.now().plusSeconds(3600))
        .sign(Algorithm.HMAC256(jwtSecret));
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpRequest.Builder request(String pathAndQuery, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  HttpResponse<String> get(String pathAndQuery, String token) {
    return send(request(pathAndQuery, token).GET().build());
  }

  HttpResponse<String> post(String pathAndQuery, String token, String json) {
    return send(request(pathAndQuery, token)
        .header("Content-Type", "application/json")
        .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }

  @Override
  public void close() {
    server.stop();
    wiring.close();
  }
}
