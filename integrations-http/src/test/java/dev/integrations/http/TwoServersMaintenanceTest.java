package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.integrations.testing.PostgresSchema;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL run the maintenance every second: each expiring token is refreshed
 * once, by one of them, never by both.
 */
class TwoServersMaintenanceTest {
  private static final int USERS = 6;

  private final String jwtSecret = random();
  private PostgresSchema schema;
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
    env.put("INTEGRATIONS_MAINTENANCE_INTERVAL", "1s");
    a = TestServer.start(env);
    b = TestServer.start(env);
  }

  @AfterEach
  void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, standIns, schema}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void each_expiring_token_is_refreshed_once_by_one_of_the_servers() throws Exception {
    for (int i = 0; i < USERS; i++) {
      standIns.connectGoogle(i % 2 == 0 ? a : b, token("user" + i), "gmail");
    }
    CountDownLatch refreshed = new CountDownLatch(USERS);
    standIns.accounts.onRefresh = refreshed::countDown;

    // An hour later, as the database sees it: every token expires within the refresh margin plus
    // one
    // interval, and every connection is due for its check.
    update("UPDATE credentials SET expires_at = CURRENT_TIMESTAMP + INTERVAL '30 seconds'");
    update("UPDATE connection_health SET next_check = CURRENT_TIMESTAMP");

    assertThat(refreshed.await(60, TimeUnit.SECONDS))
        .as("every token refreshed by the jobs")
        .isTrue();
    // Both jobs once more, at the same time: whatever either still had to do is done when they
    // return.
    CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> a.wiring.integrations().maintenance().runOnce()),
            CompletableFuture.runAsync(() -> b.wiring.integrations().maintenance().runOnce()))
        .get(60, TimeUnit.SECONDS);

    Map<String, Long> refreshesPerGrant =
        refreshTokensRefreshed().stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(refreshesPerGrant).hasSize(USERS);
    assertThat(refreshesPerGrant.values()).as("refreshes per grant").containsOnly(1L);
  }

  private void update(String sql) throws SQLException {
    try (Connection db =
            DriverManager.getConnection(
                schema.url(), PostgresSchema.PG_USER, PostgresSchema.PG_PASSWORD);
        Statement statement = db.createStatement()) {
      assertThat(statement.executeUpdate(sql)).isEqualTo(USERS);
    }
  }

  private List<String> refreshTokensRefreshed() {
    List<String> tokens = new ArrayList<>();
    for (RecordedRequest call : standIns.accounts.tokenCalls) {
      String form = call.getBody() == null ? "" : call.getBody().utf8();
      if (form.contains("grant_type=refresh_token")) {
        for (String field : form.split("&")) {
          if (field.startsWith("refresh_token=")) {
            tokens.add(field);
          }
        }
      }
    }
    return tokens;
  }

  private String token(String user) {
    return JWT.create()
        .withSubject(user)
        .withExpiresAt(Instant.now().plusSeconds(600))
        .sign(Algorithm.HMAC256(jwtSecret));
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
