package dev.integrations.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Objects;

/**
 * One tool: its description as clients list it, the scope a token needs to see and call it, and
 * what a call does.
 */
record McpTool(Tool tool, String scope, Handler handler) {
  McpTool {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(handler, "handler");
  }

  String name() {
    return tool.name();
  }

  /**
   * Performs a call; failures are thrown as {@link
   * dev.integrations.core.error.IntegrationException}s.
   */
  @FunctionalInterface
  interface Handler {
    CallToolResult call(Caller caller, Arguments arguments);
  }
}
