package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.ProviderStandIns;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health, usage and batch tests through the real server, from the providers' own answers: an outage
 * degrades a connection and a later success heals it; a revoked grant needs reauthorization; every
 * action call is counted; test-all tests each connection once.
 */
class ConnectionHealthTest {
  StandIns standIns;
  TestServer server;
  String ann;

  @BeforeEach
  void start() {
    standIns = new StandIns();
    Map<String, String> env = standIns.env();
    env.put("INTEGRATIONS_REQUEST_DEADLINE", "10s"); // bounds the retries of an outage
    server = TestServer.start(env);
    ann = server.token("ann");
  }

  @AfterEach
  void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void a_provider_outage_degrades_the_connection_and_a_later_success_heals_it() {
    standIns.connectGoogle(server, ann, "gmail");
    assertThat(health("gmail").path("state").asText()).isEqualTo("healthy");

    standIns.googleFailure = 503;
    HttpResponse<String> down = test("gmail");
    HttpResponse<String> stillDown = test("gmail");

    assertThat(down.statusCode()).as(down.body()).isGreaterThanOrEqualTo(500);
    assertThat(stillDown.statusCode()).isGreaterThanOrEqualTo(500);
    JsonNode degraded = health("gmail");
    assertThat(degraded.path("state").asText()).as(degraded.toString()).isEqualTo("degraded");
    assertThat(degraded.path("failure_count").asInt()).isEqualTo(2);
    assertThat(degraded.path("last_error").asText())
        .isEqualTo(Json.parse(down.body()).path("code").asText());
    assertThat(degraded.path("first_failure").asText()).isNotEmpty();
    assertThat(status("gmail")).as("the connection itself stays usable").isEqualTo("connected");

    standIns.googleFailure = 0;
    assertThat(Json.parse(test("gmail").body()).path("success").asBoolean()).isTrue();

    JsonNode healed = health("gmail");
    assertThat(healed.path("state").asText()).isEqualTo("healthy");
    assertThat(healed.path("failure_count").asInt()).isZero();
    assertThat(healed.path("first_failure").isNull()).isTrue();
    assertThat(healed.path("last_success").asText()).isNotEmpty();
    assertThat(healed.path("last_error").asText())
        .as("the last error is kept")
        .isEqualTo(degraded.path("last_error").asText());
  }

  @Test
  void
      a_grant_the_provider_revoked_makes_the_connection_need_reauthorization_and_a_new_connect_heals_it() {
    standIns.connectGoogle(server, ann, "gmail");
    revokeAtGoogle();

    HttpResponse<String> tested = test("gmail");

    assertThat(tested.statusCode()).isEqualTo(200);
    assertThat(Json.parse(tested.body()).path("code").asText())
        .isEqualTo("reauthorization_required");
    JsonNode refused = health("gmail");
    assertThat(refused.path("state").asText())
        .as(refused.toString())
        .isEqualTo("reauthorization_required");
    assertThat(refused.path("last_error").asText()).isEqualTo("reauthorization_required");

    standIns.connectGoogle(server, ann, "gmail");
    assertThat(health("gmail").path("state").asText()).isEqualTo("healthy");
  }

  @Test
  void a_timeout_of_our_own_is_degraded_never_reauthorization_required() {
    standIns.connectGoogle(server, ann, "gmail");
    standIns.accounts.refreshesHang = true;
    expireAccessTokens();

    HttpResponse<String> search = server.get("/api/integrations/gmail/messages?q=x", ann);

    assertThat(search.statusCode()).as(search.body()).isEqualTo(504);
    assertThat(health("gmail").path("state").asText()).isEqualTo("degraded");
    assertThat(health("gmail").path("last_error").asText()).isEqualTo("provider_timeout");
  }

  @Test
  void every_action_call_is_counted_per_day_and_action_with_its_failures() {
    standIns.connectGoogle(server, ann, "gmail");
    assertThat(server.get("/api/integrations/gmail/messages?q=a", ann).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/integrations/gmail/messages?q=b", ann).statusCode()).isEqualTo(200);
    standIns.googleFailure = 500;
    assertThat(server.get("/api/integrations/gmail/messages?q=c", ann).statusCode())
        .isGreaterThanOrEqualTo(500);
    standIns.googleFailure = 0;
    assertThat(
            server
                .post(
                    "/api/integrations/gmail/messages",
                    ann,
                    "{\"to\":\"bob@example.com\",\"subject\":\"s\",\"body\":\"b\"}")
                .statusCode())
        .isEqualTo(200);

    JsonNode usage = Json.parse(server.get("/api/integrations/gmail/usage", ann).body());

    assertThat(usage.path("integration_type").asText()).isEqualTo("gmail");
    assertThat(usage.path("days")).hasSize(30);
    JsonNode today = usage.path("days").get(29);
    assertThat(today.path("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(today.path("calls").asLong()).isEqualTo(4);
    assertThat(today.path("failures").asLong()).isEqualTo(1);
    assertThat(usage.path("days").get(0).path("calls").asLong()).isZero();
    assertThat(usage.path("actions").get(0).path("action").asText()).isEqualTo("search_mail");
    assertThat(usage.path("actions").get(0).path("calls").asLong()).isEqualTo(3);
    assertThat(usage.path("actions").get(0).path("failures").asLong()).isEqualTo(1);
    assertThat(usage.path("actions").get(1).path("action").asText()).isEqualTo("send_mail");
    assertThat(usage.path("actions").get(1).path("last_use").asText()).isNotEmpty();
    assertThat(usage.path("usage_24h").path("calls").asLong()).isEqualTo(4);
    JsonNode listed = entry("gmail").path("usage_24h");
    assertThat(listed.path("calls").asLong()).isEqualTo(4);
    assertThat(listed.path("failures").asLong()).isEqualTo(1);
    assertThat(entry("google_drive").path("usage_24h").path("calls").asLong()).isZero();
  }

  @Test
  void usage_is_the_users_own() {
    standIns.connectGoogle(server, ann, "gmail");
    assertThat(server.get("/api/integrations/gmail/messages?q=a", ann).statusCode()).isEqualTo(200);

    JsonNode bobs =
        Json.parse(server.get("/api/integrations/gmail/usage", server.token("bob")).body());

    assertThat(bobs.path("usage_24h").path("calls").asLong()).isZero();
  }

  @Test
  void usage_of_an_unknown_type_is_400() {
    HttpResponse<String> usage = server.get("/api/integrations/nosuch/usage", ann);

    assertThat(usage.statusCode()).isEqualTo(400);
    assertThat(Json.parse(usage.body()).path("code").asText())
        .isEqualTo("invalid_integration_type");
  }

  @Test
  void test_all_tests_each_connection_once_and_answers_one_entry_each_in_catalog_order() {
    standIns.connectGoogle(server, ann, "gmail");
    standIns.connectTelegram(server, ann);
    standIns.botTokenRevoked = true;
    int getMeBefore = standIns.telegramCallsTo("getMe").size();

    HttpResponse<String> all = server.post("/api/integrations/test-all", ann, null);

    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    JsonNode results = Json.parse(all.body());
    assertThat(results).hasSize(2);
    assertThat(results.get(0).path("integration_type").asText()).isEqualTo("gmail");
    assertThat(results.get(0).path("success").asBoolean()).isTrue();
    assertThat(results.get(0).has("code")).isFalse();
    assertThat(results.get(1).path("integration_type").asText()).isEqualTo("telegram");
    assertThat(results.get(1).path("success").asBoolean()).isFalse();
    assertThat(results.get(1).path("code").asText()).isEqualTo("credentials_rejected");
    assertThat(standIns.googleCallsTo("/gmail/v1/users/me/profile")).hasSize(1);
    assertThat(standIns.telegramCallsTo("getMe")).hasSize(getMeBefore + 1);
    assertThat(health("telegram").path("state").asText()).isEqualTo("reauthorization_required");
  }

  @Test
  void test_all_reports_an_outage_as_a_failed_entry_not_an_error() {
    standIns.connectTelegram(server, ann);
    standIns.telegramFailure = 502;

    HttpResponse<String> all = server.post("/api/integrations/test-all", ann, null);

    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    JsonNode telegram = Json.parse(all.body()).get(0);
    assertThat(telegram.path("success").asBoolean()).isFalse();
    assertThat(telegram.path("code").asText()).startsWith("provider_");
    assertThat(health("telegram").path("state").asText()).isEqualTo("degraded");
  }

  @Test
  void test_all_without_connections_is_an_empty_list() {
    HttpResponse<String> all = server.post("/api/integrations/test-all", ann, null);

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(Json.parse(all.body())).isEmpty();
  }

  @Test
  void a_connection_that_is_not_connected_has_no_health() {
    assertThat(entry("gmail").path("health").isNull()).isTrue();
    assertThat(entry("gmail").path("usage_24h").path("calls").asLong()).isZero();
  }

  private HttpResponse<String> test(String type) {
    return server.post("/api/integrations/test?integration_type=" + type, ann, null);
  }

  private void revokeAtGoogle() {
    String token = standIns.grants.liveAccessTokensOf(ProviderStandIns.ACCOUNT).iterator().next();
    HttpResponse<String> revoked =
        server.send(
            HttpRequest.newBuilder(URI.create(standIns.google.url("/revoke").toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .build());
    assertThat(revoked.statusCode()).isEqualTo(200);
  }

  private void expireAccessTokens() {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection(server.dbUrl);
        java.sql.Statement update = db.createStatement()) {
      update.executeUpdate(
          "UPDATE credentials SET expires_at = DATEADD('MINUTE', -1, CURRENT_TIMESTAMP)");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String status(String type) {
    return entry(type).path("status").asText();
  }

  private JsonNode health(String type) {
    return entry(type).path("health");
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
