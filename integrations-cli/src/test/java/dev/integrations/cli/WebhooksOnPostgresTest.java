package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.testing.PostgresSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL deliver each connection event once, whichever server made the
 * change, and a change the database rolled back is never announced.
 */
class WebhooksOnPostgresTest {
  private static final String CONNECT =
      "{\"integration_type\":\"telegram\",\"bot_token\":\"" + StandIns.BOT_TOKEN + "\"}";

  @TempDir Path dataA;
  @TempDir Path dataB;
  private PostgresSchema schema;
  private StandIns standIns;
  private WebhookReceiver receiver;
  private InProcessServer a;
  private InProcessServer b;

  @BeforeEach
  void start() throws Exception {
    schema = PostgresSchema.create();
    standIns = new StandIns();
    receiver = new WebhookReceiver();
    Map<String, String> env = new HashMap<>(standIns.env());
    env.put("INTEGRATIONS_DB_URL", schema.url());
    env.put("INTEGRATIONS_DB_USER", PostgresSchema.PG_USER);
    env.put("INTEGRATIONS_DB_PASSWORD", PostgresSchema.PG_PASSWORD);
    env.put("INTEGRATIONS_WEBHOOK_URL", receiver.url.toString());
    env.put("INTEGRATIONS_WEBHOOK_SECRET", receiver.secret);
    env.put("INTEGRATIONS_WEBHOOK_POLL_INTERVAL", "50ms");
    a = new InProcessServer(dataA, env);
    b = new InProcessServer(dataB, env);
  }

  @AfterEach
  void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, receiver, standIns, schema}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // the next one is still closed
      }
    }
  }

  @Test
  void two_servers_deliver_each_event_once_and_nothing_for_a_change_rolled_back() throws Exception {
    try (Connection jdbc =
            DriverManager.getConnection(
                schema.url(), PostgresSchema.PG_USER, PostgresSchema.PG_PASSWORD);
        Statement sql = jdbc.createStatement()) {
      // Refuses, at commit, a connection of the user "doomed": after its outbox row was written.
      sql.execute(
          "CREATE FUNCTION refuse_doomed() RETURNS trigger AS $$ BEGIN"
              + " IF NEW.user_id = 'doomed' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NEW; END $$"
              + " LANGUAGE plpgsql");
      sql.execute(
          "CREATE CONSTRAINT TRIGGER refuse_doomed AFTER INSERT ON connections"
              + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_doomed()");
    }
    for (int i = 0; i < 8; i++) {
      InProcessServer server = i % 2 == 0 ? a : b;
      assertThat(server.post("/api/integrations/connect", "user-" + i, CONNECT).statusCode())
          .isEqualTo(200);
    }
    assertThat(a.post("/api/integrations/connect", "doomed", CONNECT).statusCode())
        .isNotEqualTo(200);
    receiver.awaitReceived(s -> s.size() >= 8, Duration.ofSeconds(60));
    // A last event, made after the others were delivered: a duplicate of an earlier one would
    // arrive before it.
    assertThat(b.post("/api/integrations/connect", "last", CONNECT).statusCode()).isEqualTo(200);

    List<WebhookReceiver.Seen> seen =
        receiver.awaitReceived(
            s ->
                s.stream()
                    .anyMatch(
                        d -> d.payload().path("data").path("user_id").asText().equals("last")),
            Duration.ofSeconds(60));

    assertThat(seen).hasSize(9).allSatisfy(d -> assertThat(d.acknowledged()).isTrue());
    assertThat(seen).extracting(WebhookReceiver.Seen::id).doesNotHaveDuplicates();
    assertThat(seen)
        .extracting(d -> d.payload().path("data").path("user_id").asText())
        .doesNotContain("doomed")
        .containsExactlyInAnyOrder(
            "user-0", "user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7", "last");
  }
}
