package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.http.HttpServer;
import dev.integrations.testing.PostgresSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db copy}: from the embedded H2 database to PostgreSQL, re-sealed under another key, and
 * then served from the copy by the real server, which lists the same connections and tests the
 * copied Telegram token against the stand-in.
 */
class DbCopyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
  private static final String JWT_SECRET = "test-jwt-secret-0123456789abcdef0123";

  @TempDir Path data;
  @TempDir Path elsewhere;
  private StandIns standIns;
  private PostgresSchema target;

  @BeforeEach
  void connectOnH2() {
    target = PostgresSchema.create();
    standIns = new StandIns();
    assertThat(cli().run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN).exitCode())
        .isZero();
    assertThat(cli().run("connect", "gmail", "--no-wait").exitCode()).isZero();
  }

  @AfterEach
  void stop() {
    standIns.close();
    target.close();
  }

  private CliRunner cli() {
    return standIns.runner(data);
  }

  private CliRunner.Result copy(String... more) {
    String[] args =
        new String[] {
          "db",
          "copy",
          "--to",
          target.url(),
          "--to-user",
          PostgresSchema.PG_USER,
          "--to-encryption-key",
          TARGET_KEY,
          "--json"
        };
    String[] all =
        java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
            .toArray(String[]::new);
    return cli().env("INTEGRATIONS_COPY_TO_PASSWORD", PostgresSchema.PG_PASSWORD).run(all);
  }

  @Test
  void copies_h2_to_postgresql_and_the_server_serves_the_copy() throws Exception {
    CliRunner.Result copy = copy();

    assertThat(copy.exitCode()).as(copy.err()).isZero();
    JsonNode tables = JSON.readTree(copy.out()).get("tables");
    assertThat(tables.get("connections").asLong()).isEqualTo(1);
    assertThat(tables.get("credentials").asLong()).isEqualTo(1);
    assertThat(tables.get("oauth_states").asLong()).isEqualTo(1);
    assertThat(JSON.readTree(copy.out()).get("verified").asBoolean()).isTrue();

    Map<String, String> env = new HashMap<>(standIns.env());
    env.put("INTEGRATIONS_DATA_DIR", elsewhere.toString());
    env.put("INTEGRATIONS_DB_URL", target.url());
    env.put("INTEGRATIONS_DB_USER", PostgresSchema.PG_USER);
    env.put("INTEGRATIONS_DB_PASSWORD", PostgresSchema.PG_PASSWORD);
    env.put("INTEGRATIONS_ENCRYPTION_KEY", TARGET_KEY);
    env.put("INTEGRATIONS_JWT_SECRET", JWT_SECRET);
    env.put("INTEGRATIONS_PORT", "0");
    try (Wiring wiring = Wiring.start(Settings.from(ConfigSource.of(env)));
        HttpServer server = HttpServer.start(wiring)) {
      HttpClient client = HttpClient.newHttpClient();
      String token =
          JWT.create()
              .withSubject("local")
              .withExpiresAt(java.time.Instant.now().plusSeconds(600))
              .sign(Algorithm.HMAC256(JWT_SECRET));
      HttpResponse<String> list =
          client.send(
              HttpRequest.newBuilder(URI.create(server.url() + "api/integrations"))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(list.statusCode()).isEqualTo(200);
      JsonNode telegram = find(JSON.readTree(list.body()), "telegram");
      assertThat(telegram.get("status").asText()).isEqualTo("connected");
      assertThat(telegram.toString()).contains("alerts_bot");
      assertThat(find(JSON.readTree(list.body()), "gmail").get("status").asText())
          .isEqualTo("disconnected");

      HttpResponse<String> test =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(server.url() + "api/integrations/test?integration_type=telegram"))
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(test.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(test.body()).get("success").asBoolean()).as(test.body()).isTrue();
    }
  }

  @Test
  void refuses_a_target_that_holds_rows_unless_forced() {
    assertThat(copy().exitCode()).isZero();

    CliRunner.Result again = copy();

    assertThat(again.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(again.err())
        .startsWith(
            "error: The target database is not empty (1 in connection_health, 1 in connections, 1 in credentials,"
                + " 1 in oauth_states); nothing was written. Use --force");
    CliRunner.Result forced = copy("--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(forced.out()).contains("\"credentials\" : 1");
  }

  private static JsonNode find(JsonNode list, String type) {
    for (JsonNode entry : list) {
      if (entry.get("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError(type + " not in " + list);
  }
}
