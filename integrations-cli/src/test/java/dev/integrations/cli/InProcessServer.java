package dev.integrations.cli;

import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real composition root and server in this JVM, with the settings of a {@link CliRunner} on
 * {@code data}.
 */
final class InProcessServer implements AutoCloseable {
  private final Wiring wiring;
  private final HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  InProcessServer(Path data, Map<String, String> env) {
    Map<String, String> all = new HashMap<>();
    all.put("INTEGRATIONS_DATA_DIR", data.toString());
    all.put("INTEGRATIONS_HOST", "127.0.0.1");
    all.put("INTEGRATIONS_PORT", "0");
    all.put("INTEGRATIONS_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    all.put("INTEGRATIONS_JWT_SECRET", ServerProcess.JWT_SECRET);
    all.putAll(env);
    wiring = Wiring.start(Settings.from(ConfigSource.of(all)));
    server = HttpServer.start(wiring);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (user != null) {
      request.header("Authorization", "Bearer " + ServerProcess.token(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String user, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + ServerProcess.token(user))
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.stop();
    wiring.close();
  }
}
