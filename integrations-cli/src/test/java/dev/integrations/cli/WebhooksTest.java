package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection events delivered as Standard Webhooks by {@code integrations serve} (a JVM of its own)
 * to a receiver that verifies every signature with the npm {@code standardwebhooks} package.
 */
class WebhooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECT =
      "{\"integration_type\":\"telegram\",\"bot_token\":\"" + StandIns.BOT_TOKEN + "\"}";

  @TempDir Path data;
  private StandIns standIns;
  private WebhookReceiver receiver;
  private ServerProcess server;
  private InProcessServer inProcess;

  @BeforeEach
  void start() throws Exception {
    standIns = new StandIns();
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.kill();
    }
    if (inProcess != null) {
      inProcess.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (standIns != null) {
      standIns.close();
    }
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(standIns.env());
    env.put("INTEGRATIONS_WEBHOOK_URL", receiver.url.toString());
    env.put("INTEGRATIONS_WEBHOOK_SECRET", receiver.secret);
    env.put("INTEGRATIONS_WEBHOOK_RETRY_SCHEDULE", "1s,1s,1s,1s,1s");
    env.put("INTEGRATIONS_WEBHOOK_POLL_INTERVAL", "100ms");
    env.put("INTEGRATIONS_WEBHOOK_TIMEOUT", "4s");
    return env;
  }

  private ServerProcess startServer() throws Exception {
    return new ServerProcess(data, env(), data.resolve("serve.log"));
  }

  private CliRunner cli() {
    CliRunner runner = standIns.runner(data);
    env().forEach(runner::env);
    return runner;
  }

  @Test
  void every_event_arrives_once_and_verified_after_the_server_is_killed_mid_delivery()
      throws Exception {
    receiver.hold();
    server = startServer();
    assertThat(server.post("/api/integrations/connect", "ann", CONNECT).statusCode())
        .isEqualTo(200);
    List<WebhookReceiver.Seen> held =
        receiver.awaitReceived(
            s -> s.stream().anyMatch(WebhookReceiver.Seen::held), Duration.ofSeconds(30));
    // While the first delivery hangs, three more changes are made: all wait in the outbox.
    assertThat(server.post("/api/integrations/connect", "ann", CONNECT).statusCode())
        .isEqualTo(200);
    standIns.botTokenRevoked = true;
    assertThat(
            server
                .post("/api/integrations/test?integration_type=telegram", "ann", null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            server
                .post("/api/integrations/disconnect?integration_type=telegram", "ann", null)
                .statusCode())
        .isEqualTo(200);

    long killedAt = System.currentTimeMillis();
    server.kill();
    List<WebhookReceiver.Seen> cut =
        receiver.awaitReceived(
            s ->
                s.stream()
                    .anyMatch(d -> d.held() && d.closedAt() != null && d.closedAt() >= killedAt),
            Duration.ofSeconds(10));
    assertThat(cut).as("a delivery was in flight when the server died").isNotEmpty();
    receiver.answerOk();
    server = startServer();

    List<WebhookReceiver.Seen> seen =
        receiver.awaitReceived(
            s -> s.stream().filter(WebhookReceiver.Seen::acknowledged).count() >= 4,
            Duration.ofSeconds(60));
    List<WebhookReceiver.Seen> acknowledged =
        seen.stream().filter(WebhookReceiver.Seen::acknowledged).toList();
    // Standard Webhooks promises no order: a delivery that failed waits for its next attempt.
    assertThat(acknowledged)
        .extracting(WebhookReceiver.Seen::type)
        .containsExactlyInAnyOrder(
            "connection.created",
            "connection.reauthorized",
            "connection.test_failed",
            "connection.disconnected");
    assertThat(acknowledged).extracting(WebhookReceiver.Seen::id).doesNotHaveDuplicates();
    assertThat(acknowledged)
        .extracting(WebhookReceiver.Seen::id)
        .as("the held delivery, sent again with its id")
        .contains(held.get(0).id());
    assertThat(seen).allSatisfy(s -> assertThat(s.verified()).isTrue());
    WebhookReceiver.Seen testFailed =
        acknowledged.stream()
            .filter(s -> s.type().equals("connection.test_failed"))
            .findFirst()
            .orElseThrow();
    JsonNode failed = testFailed.payload();
    assertThat(failed.path("data").path("user_id").asText()).isEqualTo("ann");
    assertThat(failed.path("data").path("integration_type").asText()).isEqualTo("telegram");
    assertThat(failed.path("data").path("status").asText()).isEqualTo("error");
    assertThat(failed.path("data").path("error_code").asText()).isEqualTo("credentials_rejected");
    assertThat(failed.path("data").path("event_id").asText()).isEqualTo(testFailed.id());
    assertThat(seen.toString())
        .doesNotContain(StandIns.BOT_TOKEN)
        .doesNotContain(StandIns.BOT_TOKEN.split(":")[1]);

    server.kill();
    server = null;
    CliRunner.Result list = cli().run("webhooks", "list", "--json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    JsonNode listed = JSON.readTree(list.out());
    assertThat(listed).hasSize(4);
    assertThat(listed)
        .allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("delivered"));
  }

  @Test
  void a_429_with_retry_after_is_tried_again_no_sooner_than_it_says() throws Exception {
    receiver.answer(429, "3", 1);
    inProcess = new InProcessServer(data, env());

    assertThat(inProcess.post("/api/integrations/connect", "ann", CONNECT).statusCode())
        .isEqualTo(200);

    List<WebhookReceiver.Seen> seen =
        receiver.awaitReceived(
            s -> s.stream().anyMatch(WebhookReceiver.Seen::acknowledged), Duration.ofSeconds(30));
    assertThat(seen).extracting(WebhookReceiver.Seen::answer).containsExactly(429, 200);
    assertThat(seen.get(1).id()).isEqualTo(seen.get(0).id());
    // The schedule says 1 s; the endpoint said 3 s.
    assertThat(seen.get(1).at() - seen.get(0).at()).isGreaterThanOrEqualTo(3000);
  }

  @Test
  void a_410_stops_deliveries_to_the_endpoint_until_an_operator_replays_one() throws Exception {
    receiver.answer(410, null, 1);
    inProcess = new InProcessServer(data, env());
    assertThat(inProcess.post("/api/integrations/connect", "ann", CONNECT).statusCode())
        .isEqualTo(200);
    List<WebhookReceiver.Seen> gone =
        receiver.awaitReceived(s -> !s.isEmpty(), Duration.ofSeconds(30));
    assertThat(gone).extracting(WebhookReceiver.Seen::answer).containsExactly(410);

    assertThat(
            inProcess
                .post("/api/integrations/disconnect?integration_type=telegram", "ann", null)
                .statusCode())
        .isEqualTo(200);
    // The disconnect is in the outbox but never sent: the endpoint said it is gone.
    assertThat(inProcess.post("/api/integrations/connect", "bob", CONNECT).statusCode())
        .isEqualTo(200);
    inProcess.close();
    inProcess = null;
    assertThat(receiver.received()).hasSize(1);

    JsonNode listed = JSON.readTree(cli().run("webhooks", "list", "--json").out());
    assertThat(listed).extracting(d -> d.path("status").asText()).containsOnly("disabled");
    assertThat(listed).hasSize(3);
    CliRunner.Result table = cli().run("webhooks", "list");
    assertThat(table.out())
        .contains("ID", "EVENT", "STATUS", "ATTEMPTS", "NEXT ATTEMPT", "LAST ANSWER")
        .contains("connection.created")
        .contains("HTTP 410");

    CliRunner.Result replay = cli().run("webhooks", "replay", gone.get(0).id());
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out()).contains(gone.get(0).id());
    assertThat(cli().run("webhooks", "replay", "msg_unknown").exitCode()).isNotZero();
    inProcess = new InProcessServer(data, env());

    List<WebhookReceiver.Seen> after =
        receiver.awaitReceived(
            s -> s.stream().anyMatch(WebhookReceiver.Seen::acknowledged), Duration.ofSeconds(30));
    assertThat(after.get(1).id()).isEqualTo(gone.get(0).id());
    assertThat(after.get(1).type()).isEqualTo("connection.created");
  }

  @Test
  void serve_refuses_a_malformed_webhook_secret_in_one_line() {
    CliRunner.Result serve =
        cli().env("INTEGRATIONS_WEBHOOK_SECRET", "whsec_tooshort").run("serve");

    assertThat(serve.exitCode()).isNotZero();
    assertThat(serve.err())
        .startsWith("error: INTEGRATIONS_WEBHOOK_SECRET must be whsec_")
        .doesNotContain("tooshort");
    assertThat(serve.err().lines()).hasSize(1);
  }
}
