package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's background maintenance, run every second: it refreshes a token that would expire
 * before its next run, and verifies a connection nobody used for longer than the keep-alive idle
 * time, with no request from anyone.
 */
class MaintenanceJobTest {
  StandIns standIns;
  TestServer server;
  String ann;

  @BeforeEach
  void start() {
    standIns = new StandIns();
  }

  private void startServer(String keepaliveIdle) {
    Map<String, String> env = standIns.env();
    env.put("INTEGRATIONS_MAINTENANCE_INTERVAL", "1s");
    env.put("INTEGRATIONS_KEEPALIVE_IDLE", keepaliveIdle);
    server = TestServer.start(env);
    ann = server.token("ann");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    standIns.close();
  }

  @Test
  void the_job_refreshes_a_token_that_expires_before_its_next_run_with_no_request_in_between()
      throws Exception {
    startServer("24h");
    // Google's first access token expires within the refresh margin plus one interval; the
    // refreshed one does not.
    standIns.accounts.accessTokenLifetime = Duration.ofSeconds(30);
    CountDownLatch refreshed = new CountDownLatch(1);
    standIns.accounts.onRefresh =
        () -> {
          standIns.accounts.accessTokenLifetime = Duration.ofSeconds(3599);
          refreshed.countDown();
        };
    standIns.connectGoogle(server, ann, "gmail");

    assertThat(refreshed.await(30, TimeUnit.SECONDS)).as("refreshed by the job").isTrue();

    // The next action uses the job's token: no second refresh, and the connection is healthy.
    HttpResponse<String> search = server.get("/api/integrations/gmail/messages?q=x", ann);
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    assertThat(standIns.accounts.tokenCalls).hasSize(2); // the code exchange, the job's refresh
    JsonNode health = entry("gmail").path("health");
    assertThat(health.path("state").asText()).isEqualTo("healthy");
    assertThat(health.path("last_success").asText()).isNotEmpty();
  }

  @Test
  void the_job_verifies_a_connection_unused_for_longer_than_the_keepalive_idle_time()
      throws Exception {
    startServer("2s");
    standIns.connectGoogle(server, ann, "gmail");

    RecordedRequest check = standIns.google.takeRequest(30, TimeUnit.SECONDS);

    assertThat(check).as("a test call by the job").isNotNull();
    assertThat(check.getUrl().encodedPath()).isEqualTo("/gmail/v1/users/me/profile");
    JsonNode usage = Json.parse(server.get("/api/integrations/gmail/usage", ann).body());
    assertThat(usage.path("usage_24h").path("calls").asLong())
        .as("a check is not the user's usage")
        .isZero();
  }

  private JsonNode entry(String type) {
    for (JsonNode entry : Json.parse(server.get("/api/integrations", ann).body())) {
      if (entry.path("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError(type + " is not listed");
  }
}
