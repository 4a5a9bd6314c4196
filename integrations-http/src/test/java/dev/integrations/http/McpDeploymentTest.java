package dev.integrations.http;

import static dev.integrations.http.McpClients.call;
import static dev.integrations.http.McpClients.structured;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP server of a deployment whose tokens come from an authorization server: the audience it
 * requires, the authorization servers its metadata names, and a grant the person ended at the
 * provider.
 */
class McpDeploymentTest {
  static final String AUDIENCE = "https://integrations.test/mcp";
  static StandIns standIns;
  static TestServer server;

  @BeforeAll
  static void start() {
    standIns = new StandIns();
    Map<String, String> env = standIns.env();
    env.put("INTEGRATIONS_MCP_AUDIENCE", AUDIENCE);
    env.put(
        "INTEGRATIONS_MCP_AUTHORIZATION_SERVERS",
        "https://auth.test/realms/acme, https://login.test");
    server = TestServer.start(env);
  }

  @AfterAll
  static void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void a_token_for_another_audience_is_refused_and_one_for_this_server_accepted() {
    String forTheApi = server.token("ann");
    HttpResponse<String> refused = McpClients.post(server, forTheApi, McpClients.INITIALIZE);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"")
        .contains("'aud' must name " + AUDIENCE);

    String forMcp = McpClients.token(server, "ann", jwt -> jwt.withAudience(AUDIENCE));
    try (McpSyncClient client = McpClients.client(server, forMcp)) {
      assertThat(client.initialize().serverInfo().name()).isEqualTo("integrations");
    }
  }

  @Test
  void the_metadata_names_the_configured_authorization_servers() {
    JsonNode metadata =
        Json.parse(server.get("/.well-known/oauth-protected-resource/mcp", null).body());

    assertThat(metadata.path("authorization_servers").toString())
        .isEqualTo("[\"https://auth.test/realms/acme\",\"https://login.test\"]");
  }

  @Test
  void a_grant_ended_at_the_provider_is_a_tool_error_with_the_link_to_reconnect() {
    String api = server.token("ann");
    standIns.connectGoogle(server, api, "google_drive");
    assertThat(standIns.grants.removeAccessOf(StandIns.ACCOUNT)).isEqualTo(1);

    String forMcp = McpClients.token(server, "ann", jwt -> jwt.withAudience(AUDIENCE));
    try (McpSyncClient client = McpClients.client(server, forMcp)) {
      CallToolResult result =
          call(client, "list_files", Map.of("integration_type", "google_drive"));

      assertThat(result.isError()).isTrue();
      assertThat(structured(result))
          .containsEntry("code", "reauthorization_required")
          .containsEntry("fix_url", TestServer.FRONTEND);
      CallToolResult connections = call(client, "list_connections", Map.of());
      assertThat(connections.toString()).contains("reauthorization_required");
    }
  }
}
