package dev.integrations.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OAuth 2.0 Protected Resource Metadata of the MCP server (RFC 9728), served at {@code
 * /.well-known/oauth-protected-resource/mcp} (where MCP clients look first) and at the root
 * well-known path: the resource ({@code INTEGRATIONS_PUBLIC_URL} + {@code /mcp}), the authorization
 * servers that issue its tokens ({@code INTEGRATIONS_MCP_AUTHORIZATION_SERVERS}, omitted when none
 * is configured) and the scopes. Public: no token needed.
 */
final class ProtectedResourceMetadata extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final byte[] document;

  ProtectedResourceMetadata(
      McpJsonMapper json, String resource, List<URI> authorizationServers, String docs)
      throws IOException {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resource", resource);
    if (!authorizationServers.isEmpty()) {
      metadata.put(
          "authorization_servers", authorizationServers.stream().map(URI::toString).toList());
    }
    metadata.put("scopes_supported", Scopes.ALL);
    metadata.put("bearer_methods_supported", List.of("header"));
    metadata.put("resource_name", "Integrations MCP server");
    metadata.put("resource_documentation", docs);
    this.document = json.writeValueAsBytes(metadata);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "max-age=300");
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getOutputStream().write(document);
  }
}
