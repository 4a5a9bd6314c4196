package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of the real server, parsed by an independent Prometheus text parser (the npm
 * parse-prometheus-text-format package, a port of Prometheus' Go parser): every family this project
 * documents is there, labelled by route templates and bounded values, never by a user or a token.
 */
class MetricsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "user-4711-secret-name";

  @TempDir Path data;
  private StandIns standIns;
  private WebhookReceiver receiver;
  private InProcessServer server;

  @BeforeEach
  void start() throws Exception {
    standIns = new StandIns();
    receiver = new WebhookReceiver();
    Map<String, String> env = new HashMap<>(standIns.env());
    env.put("INTEGRATIONS_WEBHOOK_URL", receiver.url.toString());
    env.put("INTEGRATIONS_WEBHOOK_SECRET", receiver.secret);
    env.put("INTEGRATIONS_WEBHOOK_POLL_INTERVAL", "100ms");
    server = new InProcessServer(data, env);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (standIns != null) {
      standIns.close();
    }
  }

  @Test
  void metrics_parse_as_prometheus_text_with_bounded_labels() throws Exception {
    String connect =
        "{\"integration_type\":\"telegram\",\"bot_token\":\"" + StandIns.BOT_TOKEN + "\"}";
    assertThat(server.post("/api/integrations/connect", USER, connect).statusCode()).isEqualTo(200);
    assertThat(
            server
                .post("/api/integrations/test?integration_type=telegram", USER, null)
                .statusCode())
        .isEqualTo(200);
    assertThat(server.get("/api/integrations/telegram/usage-of-nothing/" + USER, USER).statusCode())
        .isEqualTo(404);
    receiver.awaitReceived(
        s -> s.stream().anyMatch(WebhookReceiver.Seen::acknowledged),
        java.time.Duration.ofSeconds(30));

    HttpResponse<String> metrics = server.get("/metrics", null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    JsonNode families = JSON.readTree(NodeTools.parsePrometheus(metrics.body()));
    assertThat(names(families))
        .contains(
            "http_server_requests_seconds",
            "integrations_provider_calls_seconds",
            "integrations_webhook_deliveries_total",
            "integrations_webhook_backlog",
            "integrations_connections",
            "hikaricp_connections_active",
            "hikaricp_connections_max",
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads");
    assertThat(family(families, "http_server_requests_seconds").path("type").asText())
        .isEqualTo("HISTOGRAM");
    // The parser folds a histogram's label sets into one (it follows client_python 0.0.19), so
    // labels are
    // read from the timer's _max gauge, which Micrometer writes with the same labels.
    assertThat(family(families, "integrations_provider_calls_seconds").path("type").asText())
        .isEqualTo("HISTOGRAM");
    assertThat(labelValues(families, "http_server_requests_seconds_max", "route"))
        .contains("/api/integrations/connect", "/api/integrations/test", "unmatched")
        .allSatisfy(route -> assertThat(route).doesNotContain(USER));
    assertThat(labelValues(families, "http_server_requests_seconds_max", "status"))
        .contains("200", "404");
    assertThat(labelValues(families, "integrations_provider_calls_seconds_max", "action"))
        .contains("test");
    assertThat(labelValues(families, "integrations_provider_calls_seconds_max", "outcome"))
        .contains("ok");
    assertThat(labelValues(families, "integrations_webhook_deliveries_total", "outcome"))
        .contains("delivered");
    assertThat(
            Double.parseDouble(sample(families, "integrations_connections", "status", "connected")))
        .isEqualTo(1.0);
    assertThat(
            Double.parseDouble(
                sample(families, "integrations_connections_health", "health", "healthy")))
        .isEqualTo(1.0);
    String everyLabel = families.toString();
    assertThat(everyLabel).doesNotContain(USER).doesNotContain(StandIns.BOT_TOKEN.split(":")[1]);
  }

  private static List<String> names(JsonNode families) {
    return StreamSupport.stream(families.spliterator(), false)
        .map(f -> f.path("name").asText())
        .toList();
  }

  private static JsonNode family(JsonNode families, String name) {
    return StreamSupport.stream(families.spliterator(), false)
        .filter(f -> f.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is missing"));
  }

  private static List<String> labelValues(JsonNode families, String name, String label) {
    return StreamSupport.stream(family(families, name).path("metrics").spliterator(), false)
        .map(m -> m.path("labels").path(label).asText(null))
        .filter(v -> v != null)
        .toList();
  }

  private static String sample(JsonNode families, String name, String label, String value) {
    return StreamSupport.stream(family(families, name).path("metrics").spliterator(), false)
        .filter(m -> value.equals(m.path("labels").path(label).asText()))
        .map(m -> m.path("value").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + "{" + label + "=" + value + "} is missing"));
  }
}
