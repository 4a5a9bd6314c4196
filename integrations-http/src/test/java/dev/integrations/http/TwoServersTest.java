package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.PostgresSchema;
import dev.integrations.testing.ProviderStandIns;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL behave as one: a consent started on one completes on the other
 * (behind a load balancer the callback may land anywhere), and both then act through the same
 * connection.
 */
class TwoServersTest {
  private static final String MAIL =
      "{\"to\":\"bob@example.com\",\"subject\":\"s\",\"body\":\"b\"}";

  private PostgresSchema schema;
  private final String jwtSecret = random();
  private StandIns standIns;
  private TestServer a;
  private TestServer b;

  @BeforeEach
  void start() {
    schema = PostgresSchema.create();
    standIns = new StandIns();
    Map<String, String> env = standIns.env();
    env.put("INTEGRATIONS_DB_URL", schema.url());
    env.put("INTEGRATIONS_DB_USER", PostgresSchema.PG_USER);
    env.put("INTEGRATIONS_DB_PASSWORD", PostgresSchema.PG_PASSWORD);
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
    if (standIns != null) {
      standIns.close();
    }
    if (schema != null) {
      schema.close();
    }
  }

  @Test
  void a_consent_started_on_one_server_completes_on_the_other_and_both_act_through_it() {
    String ann =
        JWT.create()
            .withSubject("ann")
            .withExpiresAt(Instant.now().plusSeconds(600))
            .sign(Algorithm.HMAC256(jwtSecret));
    Browser onA = new Browser(a);
    HttpResponse<String> connect = onA.connect(ann, "gmail");
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    URI back =
        ProviderStandIns.consent(URI.create(Json.parse(connect.body()).path("oauth_url").asText()));

    HttpResponse<String> callback = onA.at(b).arriveAt(back);

    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .isEqualTo(TestServer.FRONTEND + "?integration=gmail&status=connected");
    assertThat(status(a, ann, "gmail")).isEqualTo("connected");
    assertThat(status(b, ann, "gmail")).isEqualTo("connected");
    assertThat(a.post("/api/integrations/gmail/messages", ann, MAIL).statusCode()).isEqualTo(200);
    assertThat(b.post("/api/integrations/gmail/messages", ann, MAIL).statusCode()).isEqualTo(200);
    assertThat(standIns.googleCallsTo("/gmail/v1/users/me/messages/send")).hasSize(2);
    assertThat(
            a.post("/api/integrations/disconnect?integration_type=gmail", ann, null).statusCode())
        .isEqualTo(200);
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

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
