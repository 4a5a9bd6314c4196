package dev.integrations.mcp;

import dev.integrations.bootstrap.AccessTokens;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The MCP server over Streamable HTTP (MCP 2025-11-25), for a servlet container to mount: the SDK's
 * transport at {@link #PATH} behind {@link #guard()}, and the protected-resource metadata at {@link
 * #METADATA_PATH} and {@link #METADATA_ROOT_PATH}.
 *
 * <p>The server is stateless: every request carries its own token and is answered on its own, so
 * the user of a call is always the one of its request's token (a session id is not authentication),
 * any of several servers sharing a database can answer any request, {@code GET} (no server-sent
 * stream) and {@code DELETE} (no session to end) answer 405, notifications 202, and JSON-RPC errors
 * come in a 200.
 *
 * <p>Thread-safe. {@link #close()} stops the server.
 */
public final class McpEndpoint implements AutoCloseable {
  /** Where the MCP endpoint is mounted. */
  public static final String PATH = "/mcp";

  /**
   * The protected-resource metadata for {@link #PATH} (RFC 9728 section 3.1: the resource's path
   * appended).
   */
  public static final String METADATA_PATH = "/.well-known/oauth-protected-resource/mcp";

  /** The same metadata at the root well-known path, for clients that look there. */
  public static final String METADATA_ROOT_PATH = "/.well-known/oauth-protected-resource";

  /**
   * The largest request body: a base64 upload of the largest file {@code upload_file} takes, and
   * room.
   */
  static final int MAX_REQUEST_BYTES = ActionTools.MAX_UPLOAD_BYTES / 3 * 4 + 1024 * 1024;

  private static final String CALLER = "caller";

  private final HttpServletStatelessServerTransport transport;
  private final McpStatelessSyncServer server;
  private final RequestGuard guard;
  private final ProtectedResourceMetadata metadata;

  private McpEndpoint(
      HttpServletStatelessServerTransport transport,
      McpStatelessSyncServer server,
      RequestGuard guard,
      ProtectedResourceMetadata metadata) {
    this.transport = transport;
    this.server = server;
    this.guard = guard;
    this.metadata = metadata;
  }

  /** The MCP server of {@code wiring}'s deployment: its tools, its tokens, its public URL. */
  public static McpEndpoint create(Wiring wiring) {
    Objects.requireNonNull(wiring, "wiring");
    Settings settings = wiring.settings();
    McpParts parts = new McpParts(wiring);
    HttpServletStatelessServerTransport transport =
        HttpServletStatelessServerTransport.builder()
            .jsonMapper(parts.json)
            .messageEndpoint(PATH)
            .maxRequestSize(MAX_REQUEST_BYTES)
            .contextExtractor(
                request -> {
                  Map<String, Object> context = new HashMap<>();
                  Object caller = request.getAttribute(RequestGuard.CALLER);
                  if (caller != null) {
                    context.put(CALLER, caller);
                  }
                  return McpTransportContext.create(context);
                })
            .build();
    Map<String, String> scopes = new HashMap<>();
    parts.tools.tools().forEach(tool -> scopes.put(tool.name(), tool.scope()));
    McpStatelessSyncServer server =
        McpServer.sync(transport)
            .serverInfo(McpParts.serverInfo())
            .instructions(McpParts.INSTRUCTIONS)
            .capabilities(McpParts.capabilities())
            .validateToolInputs(false) // our own sentences and codes for bad arguments
            .immediateExecution(true) // on the request's thread, within its deadline
            .addToolFilter(
                (context, tool) -> {
                  Caller caller = caller(context);
                  return caller != null && caller.allows(scopes.getOrDefault(tool.name(), ""));
                })
            .tools(
                parts.tools.tools().stream()
                    .map(
                        tool ->
                            new McpStatelessServerFeatures.SyncToolSpecification(
                                tool.tool(),
                                (context, request) ->
                                    parts.tools.call(tool, caller(context), request.arguments())))
                    .toList())
            .build();
    String base = settings.publicUrl().toString().replaceAll("/+$", "");
    KnownOrigins origins =
        new KnownOrigins(List.of(settings.publicUrl(), settings.frontendUrl()), settings.host());
    RequestGuard guard =
        new RequestGuard(
            parts.json,
            AccessTokens.of(wiring),
            settings.mcpAudience(),
            origins,
            base + METADATA_PATH,
            transport.protocolVersions());
    try {
      ProtectedResourceMetadata metadata =
          new ProtectedResourceMetadata(
              parts.json, base + PATH, settings.mcpAuthorizationServers(), base + "/docs");
      return new McpEndpoint(transport, server, guard, metadata);
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException(e);
    }
  }

  private static Caller caller(McpTransportContext context) {
    return context == null ? null : (Caller) context.get(CALLER);
  }

  /** The MCP transport servlet, to mount at {@link #PATH}, behind {@link #guard()}. */
  public HttpServlet transport() {
    return transport;
  }

  /** The filter every request to {@link #PATH} must pass first. */
  public Filter guard() {
    return guard;
  }

  /**
   * The protected-resource metadata servlet, to mount at {@link #METADATA_PATH} and {@link
   * #METADATA_ROOT_PATH}.
   */
  public HttpServlet metadata() {
    return metadata;
  }

  /** The names of the tools offered, in order (to a caller whose token is not limited by scope). */
  public List<String> toolNames() {
    return server.listTools().stream().map(t -> t.name()).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
