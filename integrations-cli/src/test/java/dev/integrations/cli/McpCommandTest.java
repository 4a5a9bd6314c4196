package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integrations mcp --user ID} as a child process of the MCP Java SDK's own stdio client, the
 * way a desktop assistant runs it: the user's tools and connections, a message sent once for a
 * repeated idempotency key, another user's connection refused, and standard output kept for
 * protocol messages.
 */
class McpCommandTest {
  @TempDir Path data;
  private StandIns standIns;
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    standIns = new StandIns();
    CliRunner.Result connect =
        standIns
            .runner(data)
            .run("connect", "telegram", "--user", "ann", "--bot-token", StandIns.BOT_TOKEN);
    assertThat(connect.exitCode()).as(connect.err()).isZero();
  }

  @AfterEach
  void stop() {
    standIns.close();
  }

  private McpSyncClient client(String user) {
    Map<String, String> env = new HashMap<>(standIns.env());
    env.put("INTEGRATIONS_DATA_DIR", data.toString());
    env.put("INTEGRATIONS_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    env.put("INTEGRATIONS_JWT_SECRET", "test-jwt-secret-0123456789abcdef0123");
    ServerParameters command =
        ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
            .args(
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "mcp",
                "--user",
                user)
            .env(env)
            .build();
    StdioClientTransport transport = new StdioClientTransport(command, McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(stderr::add);
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(60))
        .initializationTimeout(Duration.ofSeconds(60))
        .build();
  }

  @Test
  void serves_the_users_tools_over_stdio_and_sends_once_per_idempotency_key() {
    try (McpSyncClient client = client("ann")) {
      assertThat(client.initialize().serverInfo().name()).isEqualTo("integrations");
      assertThat(client.listTools().tools())
          .extracting(Tool::name)
          .contains("list_connections", "send_message", "send_mail", "upload_file");

      CallToolResult connections =
          client.callTool(new CallToolRequest("list_connections", Map.of()));
      assertThat(connections.toString())
          .contains("telegram")
          .contains("connected")
          .doesNotContain(StandIns.BOT_TOKEN);

      Map<String, Object> message =
          Map.of(
              "integration_type",
              "telegram",
              "chat_id",
              "4711",
              "text",
              "hello over stdio",
              "idempotency_key",
              "stdio-1");
      CallToolResult first = client.callTool(new CallToolRequest("send_message", message));
      CallToolResult again = client.callTool(new CallToolRequest("send_message", message));
      assertThat(first.isError()).as(first.toString()).isFalse();
      assertThat(again.structuredContent()).isEqualTo(first.structuredContent());
      assertThat(standIns.telegramCallsTo("sendMessage")).hasSize(1);
    }
  }

  @Test
  void another_user_over_stdio_has_no_connection_and_nothing_is_sent() {
    try (McpSyncClient client = client("bob")) {
      client.initialize();
      CallToolResult result =
          client.callTool(
              new CallToolRequest(
                  "send_message",
                  Map.of("integration_type", "telegram", "chat_id", "4711", "text", "not yours")));

      assertThat(result.isError()).isTrue();
      assertThat(result.structuredContent().toString()).contains("not_connected");
      CallToolResult missing =
          client.callTool(
              new CallToolRequest("send_message", Map.of("integration_type", "telegram")));
      assertThat(missing.structuredContent().toString()).contains("invalid_request");
      assertThat(standIns.telegramCallsTo("sendMessage")).isEmpty();
    }
  }
}
