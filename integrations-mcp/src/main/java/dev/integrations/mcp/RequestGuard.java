package dev.integrations.mcp;

import dev.integrations.bootstrap.AccessToken;
import dev.integrations.bootstrap.AccessTokens;
import dev.integrations.core.error.IntegrationException;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In front of the MCP transport, on every request: refuses an {@code Origin} of another site and a
 * {@code Host} this server is not known by (403, against DNS rebinding), verifies the bearer token
 * exactly as the API does and, when {@code INTEGRATIONS_MCP_AUDIENCE} is set, that its {@code aud}
 * names this server (401 with {@code WWW-Authenticate} pointing at the protected-resource metadata,
 * RFC 9728), and refuses an {@code MCP-Protocol-Version} it does not speak (400). The request then
 * carries the {@link Caller} of its own token: the user never comes from a session. Thread-safe.
 */
final class RequestGuard implements Filter {
  /** The request attribute holding the {@link Caller}. */
  static final String CALLER = RequestGuard.class.getName() + ".caller";

  private final AccessTokens tokens;
  private final String audience;
  private final KnownOrigins origins;
  private final String metadataUrl;
  private final List<String> protocolVersions;
  private final McpJsonMapper json;

  RequestGuard(
      McpJsonMapper json,
      AccessTokens tokens,
      String audience,
      KnownOrigins origins,
      String metadataUrl,
      List<String> protocolVersions) {
    this.json = json;
    this.tokens = tokens;
    this.audience = audience;
    this.origins = origins;
    this.metadataUrl = metadataUrl;
    this.protocolVersions = List.copyOf(protocolVersions);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String origin = request.getHeader("Origin");
    if (origin != null && !origins.allowsOrigin(origin, request.getHeader("Host"))) {
      refuse(
          response,
          403,
          "forbidden_origin",
          "Requests from the origin " + origin + " are not accepted.");
      return;
    }
    if (!origins.allowsHost(request.getHeader("Host"))) {
      refuse(
          response,
          403,
          "forbidden_host",
          "This server is not known by the host name in the request.");
      return;
    }
    AccessToken token;
    try {
      token = tokens.verify(request.getHeader("Authorization"));
    } catch (IntegrationException e) {
      unauthorized(response, request.getHeader("Authorization") != null, e.getMessage());
      return;
    }
    if (audience != null && !token.audience().contains(audience)) {
      unauthorized(
          response,
          true,
          "The token is not meant for this server: its 'aud' must name " + audience + ".");
      return;
    }
    String version = request.getHeader("MCP-Protocol-Version");
    if (version != null && !protocolVersions.contains(version.strip())) {
      refuse(
          response,
          400,
          "unsupported_protocol_version",
          "MCP-Protocol-Version "
              + version
              + " is not supported; this server speaks "
              + String.join(", ", protocolVersions)
              + ".");
      return;
    }
    request.setAttribute(CALLER, new Caller(token.user(), token.scopes()));
    chain.doFilter(request, response);
  }

  private void unauthorized(HttpServletResponse response, boolean tokenSent, String message)
      throws IOException {
    String challenge = "Bearer resource_metadata=\"" + metadataUrl + "\"";
    if (tokenSent) {
      challenge +=
          ", error=\"invalid_token\", error_description=\"" + message.replace("\"", "'") + "\"";
    }
    response.setHeader("WWW-Authenticate", challenge);
    refuse(response, 401, "unauthorized", message);
  }

  /**
   * A JSON-RPC error without an id, as the MCP specification allows for refusals at the HTTP level.
   */
  private void refuse(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jsonrpc", "2.0");
    body.put("id", null);
    body.put("error", Map.of("code", -32600, "message", message, "data", Map.of("code", code)));
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
