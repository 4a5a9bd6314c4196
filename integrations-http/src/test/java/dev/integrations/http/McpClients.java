package dev.integrations.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The MCP Java SDK's own client against a {@link TestServer}, and raw requests to {@code /mcp}. */
final class McpClients {
  private McpClients() {}

  /**
   * The SDK's client over Streamable HTTP, sending the token {@code token} supplies on every
   * request.
   */
  static McpSyncClient client(TestServer server, Supplier<String> token) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.server.port())
            .endpoint("/mcp")
            .httpRequestCustomizer(
                (builder, method, uri, body, context) -> {
                  String value = token.get();
                  if (value != null) {
                    builder.header("Authorization", "Bearer " + value);
                  }
                })
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
  }

  static McpSyncClient client(TestServer server, String token) {
    return client(server, () -> token);
  }

  static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(new CallToolRequest(tool, arguments));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> structured(CallToolResult result) {
    return (Map<String, Object>) result.structuredContent();
  }

  /** A token of {@code user} signed with the server's secret, with claims {@code claims} adds. */
  static String token(TestServer server, String user, Consumer<JWTCreator.Builder> claims) {
    JWTCreator.Builder jwt =
        JWT.create()
            .withSubject(user)
            .withIssuedAt(Instant.now())
            .withExpiresAt(Instant.now().plusSeconds(3600));
    claims.accept(jwt);
    return jwt.sign(Algorithm.HMAC256(server.jwtSecret));
  }

  /** A raw JSON-RPC POST to {@code /mcp}, as the SDK sends it, with {@code headers} added. */
  static HttpResponse<String> post(
      TestServer server, String token, String json, String... headers) {
    HttpRequest.Builder request =
        server
            .request("/mcp", token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return server.send(request.build());
  }

  /**
   * A POST to {@code /mcp} over a plain socket, with a {@code Host} (and {@code Origin}) of the
   * test's choosing, which Java's HTTP client does not let a caller set; returns the whole answer.
   */
  static String rawPost(TestServer server, String host, String origin, String token, String json) {
    byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String head =
        "POST /mcp HTTP/1.1\r\nHost: "
            + host
            + "\r\n"
            + (origin == null ? "" : "Origin: " + origin + "\r\n")
            + "Authorization: Bearer "
            + token
            + "\r\nContent-Type: application/json\r\n"
            + "Accept: application/json, text/event-stream\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final String INITIALIZE =
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
       "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

  static String listConnections(int id) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"list_connections\",\"arguments\":{}}}";
  }
}
