package dev.integrations.http;

import static dev.integrations.http.McpClients.call;
import static dev.integrations.http.McpClients.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP server at {@code /mcp} through the real composition root, driven by the MCP Java SDK's
 * own client over real HTTP, with Gmail, Drive and Telegram stood in by local servers: the tools,
 * their answers and refusals, and the protocol and security rules clients written by others rely
 * on.
 */
class McpServerTest {
  static StandIns standIns;
  static TestServer server;
  static String ann;
  static String bob;

  @BeforeAll
  static void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
    ann = server.token("ann");
    bob = server.token("bob");
    standIns.connectGoogle(server, ann, "gmail");
    standIns.connectGoogle(server, ann, "google_drive");
    standIns.connectTelegram(server, ann);
  }

  @AfterAll
  static void stop() {
    server.close();
    standIns.close();
  }

  @Test
  void the_sdk_client_initializes_and_lists_one_tool_per_capability_with_schemas_and_annotations() {
    try (McpSyncClient client = McpClients.client(server, ann)) {
      InitializeResult init = client.initialize();
      assertThat(init.serverInfo().name()).isEqualTo("integrations");
      assertThat(init.protocolVersion()).isEqualTo("2025-11-25");

      Map<String, Tool> tools = byName(client.listTools().tools());

      assertThat(tools)
          .containsOnlyKeys(
              "list_connections",
              "test_connection",
              "send_mail",
              "search_mail",
              "list_files",
              "upload_file",
              "send_message");
      assertThat(enumOf(tools.get("send_mail")))
          .contains("gmail")
          .doesNotContain("telegram", "google_drive");
      assertThat(enumOf(tools.get("list_files"))).contains("google_drive").doesNotContain("gmail");
      assertThat(enumOf(tools.get("send_message"))).contains("telegram").doesNotContain("gmail");
      // Generated from the catalog: each tool's integration_type is exactly the types with its
      // capability.
      JsonNode catalog = Json.parse(server.get("/api/integrations", ann).body());
      assertThat(enumOf(tools.get("search_mail")))
          .containsExactlyElementsOf(typesWith(catalog, "mail"));
      assertThat(enumOf(tools.get("upload_file")))
          .containsExactlyElementsOf(typesWith(catalog, "files"));
      assertThat(enumOf(tools.get("send_message")))
          .containsExactlyElementsOf(typesWith(catalog, "messages"));
      assertThat(tools.get("send_mail").inputSchema().get("required"))
          .isEqualTo(List.of("integration_type", "to", "body"));
      assertThat(tools.get("search_mail").annotations().readOnlyHint()).isTrue();
      assertThat(tools.get("send_mail").annotations().readOnlyHint()).isFalse();
      assertThat(tools.get("send_mail").annotations().idempotentHint()).isFalse();
      assertThat(tools.get("send_mail").annotations().destructiveHint()).isFalse();
      assertThat(tools.values())
          .allSatisfy(tool -> assertThat(tool.outputSchema()).as(tool.name()).isNotEmpty());
    }
  }

  @Test
  void list_connections_names_status_health_and_account_and_never_a_token() {
    try (McpSyncClient client = McpClients.client(server, ann)) {
      call(client, "test_connection", Map.of("integration_type", "gmail"));
      CallToolResult result = call(client, "list_connections", Map.of());

      assertThat(result.isError()).isFalse();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> connections =
          (List<Map<String, Object>>) structured(result).get("connections");
      Map<String, Object> gmail =
          connections.stream()
              .filter(c -> c.get("integration_type").equals("gmail"))
              .findFirst()
              .orElseThrow();
      assertThat(gmail).containsEntry("status", "connected").containsEntry("health", "healthy");
      assertThat(gmail.get("account").toString()).contains(StandIns.ACCOUNT);
      String everything = result.toString();
      assertThat(everything).doesNotContain(StandIns.BOT_TOKEN);
      standIns
          .grants
          .liveAccessTokensOf(StandIns.ACCOUNT)
          .forEach(token -> assertThat(everything).doesNotContain(token));
    }
  }

  @Test
  void each_action_tool_acts_through_the_users_connection() throws Exception {
    try (McpSyncClient client = McpClients.client(server, ann)) {
      int sends = standIns.googleCallsTo("/gmail/v1/users/me/messages/send").size();
      CallToolResult mail =
          call(
              client,
              "send_mail",
              Map.of(
                  "integration_type",
                  "gmail",
                  "to",
                  List.of("bob@example.com"),
                  "subject",
                  "Hi",
                  "body",
                  "Hello from an agent"));
      assertThat(mail.isError()).as(mail.toString()).isFalse();
      assertThat(structured(mail)).containsKey("id").containsEntry("integration_type", "gmail");
      assertThat(standIns.googleCallsTo("/gmail/v1/users/me/messages/send")).hasSize(sends + 1);

      CallToolResult search =
          call(client, "search_mail", Map.of("integration_type", "gmail", "query", "from:bob"));
      assertThat(search.isError()).as(search.toString()).isFalse();
      assertThat(structured(search)).containsKey("messages");

      CallToolResult files =
          call(client, "list_files", Map.of("integration_type", "google_drive", "page_size", 5));
      assertThat(files.isError()).as(files.toString()).isFalse();
      assertThat(structured(files)).containsKey("files");

      String content = Base64.getEncoder().encodeToString("hello, drive".getBytes());
      CallToolResult upload =
          call(
              client,
              "upload_file",
              Map.of(
                  "integration_type",
                  "google_drive",
                  "name",
                  "note.txt",
                  "mime_type",
                  "text/plain",
                  "content_base64",
                  content));
      assertThat(upload.isError()).as(upload.toString()).isFalse();
      assertThat(structured(upload)).containsKey("id");
      List<RecordedRequest> uploads = standIns.googleCallsTo("/upload/drive/v3/files");
      RecordedRequest uploaded = uploads.get(uploads.size() - 1);
      assertThat(uploaded.getBody().string(java.nio.charset.StandardCharsets.UTF_8))
          .contains("hello, drive");

      CallToolResult message =
          call(
              client,
              "send_message",
              Map.of("integration_type", "telegram", "chat_id", 4711, "text", "hi from an agent"));
      assertThat(message.isError()).as(message.toString()).isFalse();
      assertThat(structured(message)).containsKey("message_id");

      CallToolResult test = call(client, "test_connection", Map.of("integration_type", "telegram"));
      assertThat(structured(test)).containsEntry("success", true);
    }
  }

  @Test
  void another_users_connection_is_not_connected_for_them_and_no_provider_is_called() {
    int telegramCalls = standIns.telegramCallsTo("sendMessage").size();
    try (McpSyncClient client = McpClients.client(server, bob)) {
      CallToolResult result =
          call(
              client,
              "send_message",
              Map.of("integration_type", "telegram", "chat_id", "4711", "text", "not yours"));

      assertThat(result.isError()).isTrue();
      assertThat(structured(result)).containsEntry("code", "not_connected");
      assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(telegramCalls);
    }
  }

  @Test
  void missing_or_bad_arguments_are_tool_errors_that_say_which() {
    try (McpSyncClient client = McpClients.client(server, ann)) {
      CallToolResult noRecipient =
          call(client, "send_mail", Map.of("integration_type", "gmail", "body", "x"));
      assertThat(noRecipient.isError()).isTrue();
      assertThat(structured(noRecipient))
          .containsEntry("code", "invalid_request")
          .containsEntry("detail", "At least one recipient (to) is required.");

      CallToolResult noType = call(client, "send_message", Map.of("chat_id", "1", "text", "x"));
      assertThat(structured(noType))
          .containsEntry("code", "invalid_request")
          .containsEntry("detail", "The argument 'integration_type' is required.");

      CallToolResult notBase64 =
          call(
              client,
              "upload_file",
              Map.of("integration_type", "google_drive", "name", "a", "content_base64", "%%%"));
      assertThat(structured(notBase64)).containsEntry("code", "invalid_request");
    }
  }

  @Test
  void a_repeat_with_the_same_idempotency_key_gets_the_first_answer_and_sends_nothing() {
    int sends = standIns.telegramCallsTo("sendMessage").size();
    Map<String, Object> arguments =
        Map.of(
            "integration_type",
            "telegram",
            "chat_id",
            "4711",
            "text",
            "exactly once",
            "idempotency_key",
            "7f1c0a52-agent-retry");
    try (McpSyncClient client = McpClients.client(server, ann)) {
      CallToolResult first = call(client, "send_message", arguments);
      CallToolResult repeat = call(client, "send_message", arguments);

      assertThat(first.isError()).as(first.toString()).isFalse();
      assertThat(repeat.structuredContent()).isEqualTo(first.structuredContent());
      assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(sends + 1);

      CallToolResult other =
          call(
              client,
              "send_message",
              Map.of(
                  "integration_type",
                  "telegram",
                  "chat_id",
                  "4711",
                  "text",
                  "something else",
                  "idempotency_key",
                  "7f1c0a52-agent-retry"));
      assertThat(structured(other)).containsEntry("code", "idempotency_conflict");
      assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(sends + 1);
    }
    try (McpSyncClient client = McpClients.client(server, bob)) {
      CallToolResult bobs = call(client, "send_message", arguments);
      assertThat(structured(bobs))
          .as("the key is ann's, not bob's")
          .containsEntry("code", "not_connected");
    }
  }

  @Test
  void the_user_comes_from_each_requests_own_token_even_on_the_same_client() {
    AtomicReference<String> token = new AtomicReference<>(ann);
    try (McpSyncClient client = McpClients.client(server, token::get)) {
      client.initialize();
      assertThat(status(call(client, "list_connections", Map.of()), "telegram"))
          .isEqualTo("connected");

      token.set(bob);

      assertThat(status(call(client, "list_connections", Map.of()), "telegram"))
          .isEqualTo("disconnected");
    }
    HttpResponse<String> init = McpClients.post(server, ann, McpClients.INITIALIZE);
    String session = init.headers().firstValue("Mcp-Session-Id").orElse("a-session-of-anns");
    HttpResponse<String> asBob =
        McpClients.post(
            server,
            bob,
            McpClients.listConnections(2),
            "Mcp-Session-Id",
            session,
            "MCP-Protocol-Version",
            "2025-11-25");
    assertThat(asBob.statusCode()).isEqualTo(200);
    assertThat(asBob.body())
        .contains("\\\"integration_type\\\":\\\"telegram\\\"")
        .doesNotContain("\"connected\"");
    JsonNode connections =
        Json.parse(asBob.body()).path("result").path("structuredContent").path("connections");
    connections.forEach(
        c -> assertThat(c.path("status").asText()).as(c.toString()).isEqualTo("disconnected"));
  }

  @Test
  void no_token_is_a_401_naming_the_protected_resource_metadata_and_the_sdk_client_sees_it() {
    HttpResponse<String> response = McpClients.post(server, null, McpClients.INITIALIZE);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue(
            "Bearer resource_metadata=\""
                + StandIns.PUBLIC_URL
                + "/.well-known/oauth-protected-resource/mcp\"");

    HttpResponse<String> badToken = McpClients.post(server, ann + "x", McpClients.INITIALIZE);
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(badToken.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"")
        .contains("resource_metadata=");

    try (McpSyncClient client = McpClients.client(server, () -> null)) {
      assertThatThrownBy(client::initialize)
          .hasStackTraceContaining(
              McpHttpClientTransportAuthorizationException.class.getSimpleName());
    }
  }

  @Test
  void the_protected_resource_metadata_is_json_at_both_well_known_paths() {
    for (String path :
        List.of(
            "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
      HttpResponse<String> response = server.get(path, null);

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .as(path)
          .startsWith("application/json");
      JsonNode metadata = Json.parse(response.body());
      assertThat(metadata.path("resource").asText()).isEqualTo(StandIns.PUBLIC_URL + "/mcp");
      assertThat(metadata.path("scopes_supported").toString())
          .contains("mcp:mail.send", "mcp:connections.read");
      assertThat(metadata.path("bearer_methods_supported").toString()).contains("header");
    }
  }

  @Test
  void an_origin_or_host_of_another_site_is_refused_with_403() {
    HttpResponse<String> evilOrigin =
        McpClients.post(server, ann, McpClients.INITIALIZE, "Origin", "http://evil.example");
    assertThat(evilOrigin.statusCode()).isEqualTo(403);
    assertThat(evilOrigin.body()).contains("forbidden_origin");

    HttpResponse<String> ownOrigin =
        McpClients.post(server, ann, McpClients.INITIALIZE, "Origin", StandIns.PUBLIC_URL);
    assertThat(ownOrigin.statusCode()).isEqualTo(200);

    // DNS rebinding: a page of rebound.example, whose name now resolves to this server, posts to
    // it.
    String rebound =
        McpClients.rawPost(
            server,
            "rebound.example:" + server.server.port(),
            "http://rebound.example:" + server.server.port(),
            ann,
            McpClients.INITIALIZE);
    assertThat(rebound).startsWith("HTTP/1.1 403");
    String reboundWithoutOrigin =
        McpClients.rawPost(
            server, "rebound.example:" + server.server.port(), null, ann, McpClients.INITIALIZE);
    assertThat(reboundWithoutOrigin).startsWith("HTTP/1.1 403").contains("forbidden_host");
  }

  @Test
  void the_transport_answers_as_the_specification_says() {
    HttpResponse<String> unsupported =
        McpClients.post(
            server, ann, McpClients.listConnections(3), "MCP-Protocol-Version", "1999-01-01");
    assertThat(unsupported.statusCode()).isEqualTo(400);

    HttpResponse<String> notification =
        McpClients.post(
            server,
            ann,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "MCP-Protocol-Version",
            "2025-11-25");
    assertThat(notification.statusCode()).isEqualTo(202);

    HttpResponse<String> unknownMethod =
        McpClients.post(
            server, ann, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"no/such_method\"}");
    assertThat(unknownMethod.statusCode()).isEqualTo(200);
    assertThat(Json.parse(unknownMethod.body()).path("error").path("code").asInt())
        .isEqualTo(-32601);

    HttpResponse<String> unknownTool =
        McpClients.post(
            server,
            ann,
            "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"rm_rf\",\"arguments\":{}}}");
    assertThat(unknownTool.statusCode()).isEqualTo(200);
    assertThat(Json.parse(unknownTool.body()).path("error").isObject()).isTrue();

    HttpResponse<String> get =
        server.send(
            server.request("/mcp", ann).header("Accept", "text/event-stream").GET().build());
    assertThat(get.statusCode()).isIn(200, 405);
    HttpResponse<String> delete = server.send(server.request("/mcp", ann).DELETE().build());
    assertThat(delete.statusCode()).isIn(200, 405);
  }

  @Test
  void a_tokens_scope_limits_the_tools_offered_and_callable() {
    String readMail =
        McpClients.token(server, "ann", jwt -> jwt.withClaim("scope", "mcp:mail.read"));
    try (McpSyncClient client = McpClients.client(server, readMail)) {
      assertThat(byName(client.listTools().tools())).containsOnlyKeys("search_mail");

      CallToolResult send =
          call(
              client,
              "send_mail",
              Map.of("integration_type", "gmail", "to", List.of("x@example.com"), "body", "no"));
      assertThat(send.isError()).isTrue();
      assertThat(structured(send)).containsEntry("code", "insufficient_scope");
      assertThat(call(client, "search_mail", Map.of("integration_type", "gmail")).isError())
          .isFalse();
    }
  }

  @Test
  void a_send_that_failed_at_the_provider_is_not_retried_and_its_key_answers_the_same_failure() {
    int sends = standIns.telegramCallsTo("sendMessage").size();
    Map<String, Object> arguments =
        Map.of(
            "integration_type",
            "telegram",
            "chat_id",
            "4711",
            "text",
            "maybe delivered",
            "idempotency_key",
            "after-a-500");
    standIns.failNextTelegramCalls(500, 5);
    try (McpSyncClient client = McpClients.client(server, ann)) {
      CallToolResult failed = call(client, "send_message", arguments);

      assertThat(failed.isError()).isTrue();
      assertThat(standIns.telegramCallsTo("sendMessage"))
          .as("a send that may have happened is not retried")
          .hasSize(sends + 1);

      CallToolResult repeat = call(client, "send_message", arguments);
      assertThat(repeat.isError()).isTrue();
      assertThat(repeat.structuredContent()).isEqualTo(failed.structuredContent());
      assertThat(standIns.telegramCallsTo("sendMessage"))
          .as("nor sent again for the same key")
          .hasSize(sends + 1);
    } finally {
      standIns.failNextTelegramCalls(500, 0);
    }
  }

  private static List<String> typesWith(JsonNode catalog, String capability) {
    List<String> types = new java.util.ArrayList<>();
    catalog.forEach(
        entry -> {
          if (entry.path("capabilities").toString().contains("\"" + capability + "\"")) {
            types.add(entry.path("type").asText());
          }
        });
    return types;
  }

  private static String status(CallToolResult result, String type) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> connections =
        (List<Map<String, Object>>) structured(result).get("connections");
    return connections.stream()
        .filter(c -> c.get("integration_type").equals(type))
        .map(c -> (String) c.get("status"))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Tool> byName(List<Tool> tools) {
    Map<String, Tool> byName = new java.util.LinkedHashMap<>();
    tools.forEach(tool -> byName.put(tool.name(), tool));
    return byName;
  }

  @SuppressWarnings("unchecked")
  private static List<String> enumOf(Tool tool) {
    Map<String, Object> properties = (Map<String, Object>) tool.inputSchema().get("properties");
    return (List<String>) ((Map<String, Object>) properties.get("integration_type")).get("enum");
  }
}
