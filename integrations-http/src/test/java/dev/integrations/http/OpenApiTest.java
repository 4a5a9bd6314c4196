package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI resource and the registered routes describe each other; /docs renders it from the
 * webjar.
 */
class OpenApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Set<String> described(JsonNode spec) {
    Set<String> routes = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(method -> routes.add(method + " " + path.getKey()));
    }
    return routes;
  }

  private static Set<String> registered() {
    Set<String> routes = new HashSet<>();
    for (HttpServer.Route route : server.server.routes()) {
      routes.add(route.method() + " " + route.path());
    }
    return routes;
  }

  @Test
  void every_registered_route_is_described_and_every_described_route_exists() {
    JsonNode spec = Json.parse(server.get("/openapi.json", null).body());

    assertThat(registered()).isNotEmpty();
    assertThat(described(spec)).containsExactlyInAnyOrderElementsOf(registered());
  }

  @Test
  void the_description_is_openapi_3_with_responses_and_known_references() {
    HttpResponse<String> response = server.get("/openapi.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    JsonNode spec = Json.parse(response.body());
    assertThat(spec.path("openapi").asText()).startsWith("3.");

    spec.path("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> {
                      assertThat(operation.path("responses").size()).isPositive();
                      assertThat(operation.path("operationId").asText()).isNotBlank();
                    }));
    Matcher refs =
        Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/(\\w+)/(\\w+)\"")
            .matcher(response.body());
    while (refs.find()) {
      assertThat(spec.path("components").path(refs.group(1)).has(refs.group(2)))
          .as(refs.group())
          .isTrue();
    }
  }

  @Test
  void each_capability_schema_lists_exactly_the_catalog_types_that_offer_it() {
    JsonNode spec = Json.parse(server.get("/openapi.json", null).body());
    JsonNode catalog = Json.parse(server.get("/api/integrations", server.token("ann")).body());

    for (Map.Entry<String, Set<String>> schema :
        Map.of(
                "MailIntegrationType", Set.of("mail"),
                "FilesIntegrationType", Set.of("files"),
                "MessagesIntegrationType", Set.of("messages"),
                "SendIntegrationType", Set.of("messages", "mail"))
            .entrySet()) {
      List<String> offering = new ArrayList<>();
      catalog.forEach(
          entry ->
              entry
                  .path("capabilities")
                  .forEach(
                      capability -> {
                        if (schema.getValue().contains(capability.asText())
                            && !offering.contains(entry.path("type").asText())) {
                          offering.add(entry.path("type").asText());
                        }
                      }));
      assertThat(enumOf(spec, schema.getKey()))
          .as(schema.getKey())
          .containsExactlyElementsOf(offering);
    }
    assertThat(enumOf(spec, "MailIntegrationType"))
        .contains("gmail")
        .doesNotContain("telegram", "github");
    assertThat(enumOf(spec, "FilesIntegrationType"))
        .contains("google_drive")
        .doesNotContain("gmail");
    assertThat(enumOf(spec, "MessagesIntegrationType"))
        .contains("telegram")
        .doesNotContain("gmail");
    assertThat(enumOf(spec, "SendIntegrationType"))
        .contains("gmail", "telegram")
        .doesNotContain("google_drive");
  }

  @Test
  void the_action_routes_take_the_type_of_their_capability() {
    JsonNode spec = Json.parse(server.get("/openapi.json", null).body());

    assertThat(typeParameter(spec, "/api/integrations/{type}/messages", "post"))
        .isEqualTo("SendType");
    assertThat(typeParameter(spec, "/api/integrations/{type}/messages", "get"))
        .isEqualTo("MailType");
    assertThat(typeParameter(spec, "/api/integrations/{type}/files", "get")).isEqualTo("FilesType");
    assertThat(typeParameter(spec, "/api/integrations/{type}/files", "post"))
        .isEqualTo("FilesType");
    assertThat(spec.at("/components/parameters/MailType/schema/$ref").asText())
        .isEqualTo("#/components/schemas/MailIntegrationType");
    assertThat(spec.at("/components/responses/Unsupported/description").asText())
        .contains("unsupported_capability");
  }

  @Test
  void a_capability_no_type_offers_gets_no_empty_enum() {
    Integration telegram =
        new Integration(
                IntegrationType.TELEGRAM,
                "Telegram",
                "Chat",
                "message-circle",
                AuthMethod.BOT_TOKEN,
                Set.of())
            .withCapabilities(Set.of(Capability.MESSAGES));

    JsonNode spec =
        Json.parse(
            new String(
                DocsRoutes.withIntegrationTypes(DocsRoutes.openApi(), List.of(telegram)),
                java.nio.charset.StandardCharsets.UTF_8));

    assertThat(enumOf(spec, "MessagesIntegrationType")).containsExactly("telegram");
    assertThat(spec.at("/components/schemas/MailIntegrationType").has("enum")).isFalse();
    assertThat(spec.at("/components/schemas/MailIntegrationType/description").asText())
        .endsWith("No integration of this server offers it.");
  }

  private static List<String> enumOf(JsonNode spec, String schema) {
    List<String> values = new ArrayList<>();
    spec.path("components")
        .path("schemas")
        .path(schema)
        .path("enum")
        .forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String typeParameter(JsonNode spec, String path, String method) {
    String ref =
        spec.path("paths").path(path).path(method).path("parameters").get(0).path("$ref").asText();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  @Test
  void public_routes_are_marked_public_and_the_rest_need_the_bearer() {
    JsonNode spec = Json.parse(server.get("/openapi.json", null).body());
    assertThat(spec.path("security").get(0).has("bearerAuth")).isTrue();
    assertThat(spec.at("/paths/~1api~1integrations~1callback/get/security").isEmpty()).isTrue();
    assertThat(spec.at("/paths/~1health/get/security").isEmpty()).isTrue();
    assertThat(spec.at("/paths/~1api~1integrations/get/security").isMissingNode()).isTrue();
  }

  @Test
  void docs_render_swagger_ui_from_the_webjar_with_security_headers() {
    HttpResponse<String> page = server.get("/docs", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("/docs/swagger-ui-bundle.js")
        .doesNotContain("https://")
        .doesNotContain("http://");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");

    for (String asset :
        new String[] {"swagger-ui-bundle.js", "swagger-ui.css", "docs.js", "favicon-32x32.png"}) {
      HttpResponse<String> response = server.get("/docs/" + asset, null);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.body()).as(asset).isNotEmpty();
    }
    assertThat(server.get("/docs/docs.js", null).body()).contains("/openapi.json");
    assertThat(server.get("/docs/index.html", null).statusCode()).isEqualTo(404);
  }

  @Test
  void health_and_readiness_answer() {
    HttpResponse<String> health = server.get("/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(Json.parse(health.body()).path("status").asText()).isEqualTo("ok");

    HttpResponse<String> ready = server.get("/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(Json.parse(ready.body()).path("database").asText()).isEqualTo("up");
  }

  @Test
  void cors_is_allowed_for_the_frontend_origin_only() throws Exception {
    HttpResponse<String> allowed =
        server.send(
            server
                .request("/api/integrations", null)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://frontend.test:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .build());
    assertThat(allowed.statusCode()).isLessThan(300);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://frontend.test:3000");

    HttpResponse<String> refused =
        server.send(
            server
                .request("/api/integrations", null)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.test")
                .header("Access-Control-Request-Method", "GET")
                .build());
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    // Not checked against the document: Javalin's CORS plugin answers a simple request from a
    // foreign
    // origin with status 400 and the route's own body, which a browser never shows the page.
    HttpResponse<String> simple =
        server.client.send(
            server
                .request("/api/integrations", server.token("ann"))
                .header("Origin", "http://evil.test")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
