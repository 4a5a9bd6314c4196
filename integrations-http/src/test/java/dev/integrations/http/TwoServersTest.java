package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.Prerequisites;
import dev.integrations.testing.ProviderStandIns;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL behave as one: a consent started on one completes on the other (behind a
 * load balancer the callback may land anywhere), and both then act through the same connection.
 */
class TwoServersTest {
  private static final String PG_URL = env("INTEGRATIONS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/integrations_test");
  private static final String PG_USER = env("INTEGRATIONS_TEST_PG_USER", "integrations");
  private static final String PG_PASSWORD = env("INTEGRATIONS_TEST_PG_PASSWORD", "integrations");
  private static final String MAIL = "{\"to\":\"bob@example.com\",\"subject\":\"s\",\"body\":\"b\"}";

  private final String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  private final String jwtSecret = random();
  private StandIns standIns;
  private TestServer a;
  private TestServer b;

  @BeforeEach
  void start() {
    admin("CREATE SCHEMA " + schema);
    standIns = new StandIns();
    Map<String, String> env = standIns.env();
    env.put("INTEGRATIONS_DB_URL", PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    env.put("INTEGRATIONS_DB_USER", PG_USER);
    env.put("INTEGRATIONS_DB_PASSWORD", PG_PASSWORD);
    env.put("INTEGRATIONS_JWT_SECRET", jwtSecret);
    env.put("INTEGRATIONS_ENCRYPTION_KEY", random());
    a = TestServer.start(env);
    b = TestServer.start(env);
  }

  @AfterEach
  void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
    standIns.close();
    admin("DROP SCHEMA " + schema + " CASCADE");
  }

  @Test
  void a_consent_started_on_one_server_completes_on_the_other_and_both_act_through_it() {
    String ann = JWT.create().withSubject("ann").withExpiresAt(Instant.now().plusSeconds(600))
        .sign(Algorithm.HMAC256(jwtSecret));
    Browser onA = new Browser(a);
    HttpResponse<String> connect = onA.connect(ann, "gmail");
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    URI back = ProviderStandIns.consent(URI.create(Json.parse(connect.body()).path("oauth_url").asText()));

    HttpResponse<String> callback = onA.at(b).arriveAt(back);

    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .isEqualTo(TestServer.FRONTEND + "?integration=gmail&status=connected");
    assertThat(status(a, ann, "gmail")).isEqualTo("connected");
    assertThat(status(b, ann, "gmail")).isEqualTo("connected");
    assertThat(a.post("/api/integrations/gmail/messages", ann, MAIL).statusCode()).isEqualTo(200);
    assertThat(b.post("/api/integrations/gmail/messages", ann, MAIL).statusCode()).isEqualTo(200);
    assertThat(standIns.googleCallsTo("/gmail/v1/users/me/messages/send")).hasSize(2);
    assertThat(a.post("/api/integrations/disconnect?integration_type=gmail", ann, null).statusCode()).isEqualTo(200);
    assertThat(status(b, ann, "gmail")).isEqualTo("disconnected");
  }

  private static String status(TestServer server, String token, String type) {
    for (JsonNode entry : Json.parse(server.get("/api/integrations", token).body())) {
      if (entry.path("type").asText().equals(type)) {
        return entry.path("status").asText();
      }
    }
    throw new AssertionError(type + " is not listed");
  }

  private static void admin(String sql) {
    try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw Prerequisites.missing("PostgreSQL is not reachable at " + PG_URL + " (" + e.getMessage() + ")");
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
