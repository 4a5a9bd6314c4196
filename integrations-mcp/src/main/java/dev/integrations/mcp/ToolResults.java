package dev.integrations.mcp;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tool answers: structured content (also as JSON text, for clients that read only text), and
 * failures as tool errors ({@code isError}) with the API's shape, {@code {"detail", "code"}}, never
 * as protocol errors, so that an agent reads why and what to do.
 */
final class ToolResults {
  private final McpJsonMapper json;
  private final String fixUrl;

  /**
   * @param fixUrl where a person reconnects an integration (the integrations page), named in errors
   *     that only they can fix
   */
  ToolResults(McpJsonMapper json, String fixUrl) {
    this.json = json;
    this.fixUrl = fixUrl;
  }

  CallToolResult success(Map<String, Object> structured) {
    return CallToolResult.builder()
        .content(List.of(new TextContent(write(structured))))
        .structuredContent(structured)
        .isError(false)
        .build();
  }

  CallToolResult failure(IntegrationException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("detail", e.getMessage());
    error.put("code", e.code().wireName());
    String text = e.getMessage() + " (" + e.code().wireName() + ")";
    if (needsThePerson(e.code())) {
      error.put("fix_url", fixUrl);
      text += " A person must reconnect it at " + fixUrl + " ; retrying will not help.";
    }
    return CallToolResult.builder()
        .content(List.of(new TextContent(text)))
        .structuredContent(error)
        .isError(true)
        .build();
  }

  /**
   * The outcome as stored for an idempotency key: the answer's structured content and whether it
   * failed.
   */
  String store(CallToolResult result) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("is_error", Boolean.TRUE.equals(result.isError()));
    stored.put("content", result.structuredContent());
    return write(stored);
  }

  /** The answer an idempotency key stored, rebuilt. */
  @SuppressWarnings("unchecked")
  CallToolResult restore(String stored) {
    Map<String, Object> outcome = read(stored);
    Map<String, Object> content = (Map<String, Object>) outcome.get("content");
    return CallToolResult.builder()
        .content(List.of(new TextContent(write(content))))
        .structuredContent(content)
        .isError(Boolean.TRUE.equals(outcome.get("is_error")))
        .build();
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> read(String text) {
    try {
      return json.readValue(text, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean needsThePerson(ErrorCode code) {
    return code == ErrorCode.REAUTHORIZATION_REQUIRED
        || code == ErrorCode.MISSING_SCOPES
        || code == ErrorCode.CREDENTIALS_REJECTED
        || code == ErrorCode.NOT_CONNECTED;
  }
}
