package dev.integrations.cli;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code integrations serve} in a JVM of its own (so that a test can kill it as a crash would),
 * with the settings of a {@link CliRunner} on the same data directory plus {@code env}, and an HTTP
 * client.
 */
final class ServerProcess implements AutoCloseable {
  static final String JWT_SECRET = "test-jwt-secret-0123456789abcdef0123";
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/) ");

  private final Process process;
  final URI url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServerProcess(Path data, Map<String, String> env, Path log) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve");
    builder.environment().put("INTEGRATIONS_DATA_DIR", data.toString());
    builder.environment().put("INTEGRATIONS_PORT", "0");
    builder
        .environment()
        .put("INTEGRATIONS_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    builder.environment().put("INTEGRATIONS_JWT_SECRET", JWT_SECRET);
    builder.environment().putAll(env);
    builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = builder.start();
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
            .get(90, TimeUnit.SECONDS);
    Matcher listening = LISTENING.matcher(line == null ? "" : line);
    if (!listening.find()) {
      process.destroyForcibly();
      throw new IllegalStateException("The server did not start: " + line + " (see " + log + ")");
    }
    url = URI.create(listening.group(1));
  }

  /** A JWT for {@code user}, valid for ten minutes. */
  static String token(String user) {
    return JWT.create()
        .withSubject(user)
        .withExpiresAt(Instant.now().plusSeconds(600))
        .sign(Algorithm.HMAC256(JWT_SECRET));
  }

  HttpResponse<String> post(String path, String user, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url.resolve(path))
            .header("Authorization", "Bearer " + token(user))
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Ends the JVM at once, as a crash or {@code kill -9} would: nothing runs on its way out. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    kill();
  }
}
