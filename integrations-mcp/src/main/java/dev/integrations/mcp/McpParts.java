package dev.integrations.mcp;

import dev.integrations.bootstrap.Wiring;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;

/**
 * What both transports share: the JSON mapper, the tools built from the wiring, the server's name.
 */
final class McpParts {
  static final String SERVER_NAME = "integrations";
  static final String INSTRUCTIONS =
      "Acts through the user's connected accounts (mail, files, chat). Call list_connections first to see "
          + "which integration_type values are connected. Errors come back as tool results with a stable code; "
          + "reauthorization_required and not_connected need the person to reconnect at the URL given. Pass an "
          + "idempotency_key when you may repeat a sending call.";

  final McpJsonMapper json;
  final ToolSet tools;

  McpParts(Wiring wiring) {
    this.json = McpJsonDefaults.getMapper();
    ToolResults results = new ToolResults(json, wiring.settings().frontendUrl().toString());
    IdempotentCalls idempotent =
        new IdempotentCalls(wiring.idempotencyStore(), results, Clock.systemUTC());
    this.tools =
        new ToolSet(wiring.integrations(), idempotent, results, wiring.settings().maxUploadBytes());
  }

  static McpSchema.Implementation serverInfo() {
    String version = McpParts.class.getPackage().getImplementationVersion();
    return new McpSchema.Implementation(
        SERVER_NAME, "Integrations", version == null ? "dev" : version);
  }

  static McpSchema.ServerCapabilities capabilities() {
    return McpSchema.ServerCapabilities.builder().tools(false).build();
  }
}
