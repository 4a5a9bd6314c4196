package dev.integrations.mcp;

import static dev.integrations.mcp.Schemas.arrayOf;
import static dev.integrations.mcp.Schemas.bool;
import static dev.integrations.mcp.Schemas.enumOf;
import static dev.integrations.mcp.Schemas.nullableString;
import static dev.integrations.mcp.Schemas.object;
import static dev.integrations.mcp.Schemas.string;

import dev.integrations.core.model.Account;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.service.IntegrationService;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code list_connections} and {@code test_connection}: what the user has connected, and whether it
 * works.
 */
final class ConnectionTools {
  private final IntegrationService connections;
  private final ToolResults results;

  ConnectionTools(IntegrationService connections, ToolResults results) {
    this.connections = connections;
    this.results = results;
  }

  List<McpTool> tools(List<String> types) {
    return List.of(listConnections(), testConnection(types));
  }

  private McpTool listConnections() {
    Map<String, Object> account =
        object().required("id", string(null)).required("display_name", string(null)).build();
    Map<String, Object> entry =
        object()
            .required(
                "integration_type", string("Pass this as integration_type to the other tools."))
            .required("name", string(null))
            .required("status", enumOf(List.of("connected", "disconnected", "error"), null))
            .property(
                "health",
                Map.of(
                    "type",
                    List.of("string", "null"),
                    "enum",
                    java.util.Arrays.asList(
                        "healthy", "degraded", "reauthorization_required", null),
                    "description",
                    "null when not connected"))
            .required(
                "capabilities",
                arrayOf(string(null), "What its tools can do: mail, files, messages."))
            .required("configured", bool("Whether this deployment can connect it at all."))
            .property("account", Map.of("oneOf", List.of(account, Map.of("type", "null"))))
            .property("connected_at", nullableString("ISO-8601"))
            .property(
                "last_sync", nullableString("ISO-8601: when a call through it last succeeded"))
            .property("last_error", nullableString("The stable code of why it is in error"))
            .property("last_error_message", nullableString(null))
            .open()
            .build();
    Tool tool =
        Tool.builder()
            .name("list_connections")
            .title("List connections")
            .description(
                "Lists every integration this server offers with the user's connection to it: status, "
                    + "health and the provider account. Never returns credentials.")
            .inputSchema(object().build())
            .outputSchema(object().required("connections", arrayOf(entry, null)).build())
            .annotations(new ToolAnnotations("List connections", true, false, true, false, null))
            .build();
    return new McpTool(
        tool,
        Scopes.CONNECTIONS_READ,
        (caller, arguments) ->
            results.success(
                Map.of(
                    "connections",
                    connections.list(caller.user()).stream()
                        .map(ConnectionTools::entry)
                        .toList())));
  }

  private McpTool testConnection(List<String> types) {
    Tool tool =
        Tool.builder()
            .name("test_connection")
            .title("Test a connection")
            .description(
                "Makes a cheap, real call with the user's stored credentials (refreshing them first if "
                    + "needed) and says whether the provider accepts them.")
            .inputSchema(
                object()
                    .required("integration_type", enumOf(types, "The integration to test."))
                    .build())
            .outputSchema(
                object()
                    .required("success", bool(null))
                    .required("message", string(null))
                    .required("integration_type", string(null))
                    .property("code", nullableString("Why it failed, when it did"))
                    .open()
                    .build())
            .annotations(new ToolAnnotations("Test a connection", true, false, true, true, null))
            .build();
    return new McpTool(
        tool,
        Scopes.CONNECTIONS_READ,
        (caller, arguments) -> {
          IntegrationType type = IntegrationType.of(arguments.required("integration_type"));
          TestResult result = connections.test(caller.user(), type);
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("success", result.success());
          answer.put("message", result.message());
          answer.put("integration_type", type.value());
          answer.put("code", result.code() == null ? null : result.code().wireName());
          return results.success(answer);
        });
  }

  private static Map<String, Object> entry(IntegrationStatus status) {
    Integration integration = status.integration();
    Connection connection = status.connection();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("integration_type", integration.type().value());
    entry.put("name", integration.name());
    entry.put("status", connection.status().wireName());
    entry.put("health", health(connection));
    entry.put(
        "capabilities",
        integration.capabilities().stream().map(Capability::wireName).sorted().toList());
    entry.put("configured", integration.configured());
    entry.put("account", account(connection.account()));
    entry.put("connected_at", text(connection.connectedAt()));
    entry.put("last_sync", text(connection.lastSync()));
    entry.put(
        "last_error", connection.lastError() == null ? null : connection.lastError().wireName());
    entry.put("last_error_message", connection.lastErrorMessage());
    return entry;
  }

  private static String health(Connection connection) {
    if (connection.status() == ConnectionStatus.DISCONNECTED) {
      return null;
    }
    if (connection.needsReauthorization()) {
      return "reauthorization_required";
    }
    return connection.status() == ConnectionStatus.ERROR ? "degraded" : "healthy";
  }

  private static Map<String, Object> account(Account account) {
    if (account == null) {
      return null;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", account.id());
    body.put("display_name", account.displayName());
    return body;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
