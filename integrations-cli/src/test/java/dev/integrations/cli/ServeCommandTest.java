package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integrations serve} as its own process, the way it is run: it says where it listens,
 * answers {@code /health}, logs one line per request, and stops when asked to (SIGTERM, as Ctrl-C
 * or a service manager would) with its log complete.
 */
class ServeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/) ");

  @TempDir Path data;
  private Process process;

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Test
  void serves_health_on_the_configured_port_and_stops_on_sigterm() throws Exception {
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
    builder.environment().put("INTEGRATIONS_JWT_SECRET", "test-jwt-secret-0123456789abcdef0123");
    builder.redirectError(data.resolve("serve.err").toFile());
    process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));

    String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
    assertThat(line).as("its first line").contains("Press Ctrl-C to stop.");
    Matcher listening = LISTENING.matcher(line);
    assertThat(listening.find()).as(line).isTrue();
    URI url = URI.create(listening.group(1));
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(url.getPort()).isPositive();

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(url.resolve("/health")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    HttpResponse<String> unauthenticated =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/integrations"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.secret-signature-" + System.nanoTime();
    HttpResponse<String> badToken =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/integrations"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badToken.statusCode()).isEqualTo(401);

    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    assertThat(process.exitValue()).isEqualTo(143);
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(url.resolve("/health"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    // One line per request, with its time; the last line is the stop; no token anywhere.
    List<String> log = Files.readAllLines(data.resolve("serve.err"), StandardCharsets.UTF_8);
    assertThat(log)
        .anyMatch(
            l ->
                l.matches(
                    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ \\[INFO\\] requests - GET /health -> 200 \\(\\d+\\.\\d ms\\)"));
    assertThat(log).filteredOn(l -> l.contains("GET /api/integrations -> 401")).hasSize(2);
    assertThat(log.get(log.size() - 1)).endsWith("[INFO] HttpServer - Integrations server stopped");
    assertThat(String.join("\n", log)).doesNotContain(token).doesNotContain("secret-signature");
  }

  @Test
  void a_port_in_use_is_one_line_on_standard_error_and_a_non_zero_exit() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRunner.Result result =
          CompletableFuture.supplyAsync(
                  () ->
                      new CliRunner(data)
                          .env("INTEGRATIONS_PORT", String.valueOf(taken.getLocalPort()))
                          .run("serve"))
              .get(60, TimeUnit.SECONDS);

      assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .startsWith(
              "error: Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is in use")
          .contains("INTEGRATIONS_PORT")
          .endsWith("(address_in_use)\n");
      assertThat(result.err().lines()).hasSize(1);
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
