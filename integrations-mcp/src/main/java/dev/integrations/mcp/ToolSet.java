package dev.integrations.mcp;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Integration;
import dev.integrations.core.service.Integrations;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools, generated from the catalog: the connection tools always, and each capability's tools
 * when some integration of the catalog has that capability, with {@code integration_type} limited
 * to those integrations. Calls are checked against the caller's scopes, and every failure becomes a
 * tool error with a stable code. Thread-safe.
 */
final class ToolSet {
  private static final Logger LOG = LoggerFactory.getLogger(ToolSet.class);

  private final List<McpTool> tools;
  private final ToolResults results;

  ToolSet(
      Integrations integrations,
      IdempotentCalls idempotent,
      ToolResults results,
      long maxUploadBytes) {
    this.results = results;
    List<Integration> catalog = integrations.connections().catalog();
    ConnectionTools connectionTools = new ConnectionTools(integrations.connections(), results);
    ActionTools actionTools =
        new ActionTools(integrations.actions(), idempotent, results, maxUploadBytes);
    List<McpTool> all = new ArrayList<>(connectionTools.tools(types(catalog, null)));
    List<String> mail = types(catalog, Capability.MAIL);
    if (!mail.isEmpty()) {
      all.addAll(actionTools.mailTools(mail));
    }
    List<String> files = types(catalog, Capability.FILES);
    if (!files.isEmpty()) {
      all.addAll(actionTools.fileTools(files));
    }
    List<String> messages = types(catalog, Capability.MESSAGES);
    if (!messages.isEmpty()) {
      all.addAll(actionTools.messageTools(messages));
    }
    this.tools = List.copyOf(all);
  }

  List<McpTool> tools() {
    return tools;
  }

  /** Calls {@code tool} for {@code caller}: a tool error, never an exception, when it fails. */
  CallToolResult call(McpTool tool, Caller caller, Map<String, Object> arguments) {
    if (!caller.allows(tool.scope())) {
      return results.failure(
          new IntegrationException(
              ErrorCode.INSUFFICIENT_SCOPE,
              "This token's scope does not allow "
                  + tool.name()
                  + ": it needs "
                  + tool.scope()
                  + "."));
    }
    try {
      return tool.handler().call(caller, new Arguments(arguments));
    } catch (IntegrationException e) {
      return results.failure(e);
    } catch (RuntimeException e) {
      LOG.error("The MCP tool {} failed", tool.name(), e);
      return results.failure(
          new IntegrationException(
              ErrorCode.INTERNAL_ERROR, "The server failed while running " + tool.name() + "."));
    }
  }

  private static List<String> types(List<Integration> catalog, Capability capability) {
    return catalog.stream()
        .filter(i -> capability == null || i.can(capability))
        .map(i -> i.type().value())
        .toList();
  }
}
