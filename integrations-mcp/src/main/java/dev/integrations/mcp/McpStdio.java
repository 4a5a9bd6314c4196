package dev.integrations.mcp;

import dev.integrations.bootstrap.Wiring;
import dev.integrations.core.model.UserId;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The MCP server over stdio, for a local client that starts it as a child process:
 * newline-delimited JSON-RPC on the given input and output, acting for one user, named by whoever
 * starts it (the specification's stdio model: the user and the secrets come from the process's
 * command line and environment, no token). Nothing but protocol messages may be written to {@code
 * out}: logs go elsewhere.
 */
public final class McpStdio {
  private McpStdio() {}

  /**
   * Serves {@code user} on {@code in} and {@code out} until {@code in} ends (the client closed it
   * or exited), then stops.
   */
  public static void serve(Wiring wiring, UserId user, InputStream in, OutputStream out)
      throws InterruptedException {
    Objects.requireNonNull(user, "user");
    McpParts parts = new McpParts(wiring);
    CountDownLatch ended = new CountDownLatch(1);
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(parts.json, new EndAware(in, ended), out);
    Caller caller = Caller.unlimited(user);
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo(McpParts.serverInfo())
            .instructions(McpParts.INSTRUCTIONS)
            .capabilities(McpParts.capabilities())
            .validateToolInputs(false)
            .tools(
                parts.tools.tools().stream()
                    .map(
                        tool ->
                            new McpServerFeatures.SyncToolSpecification(
                                tool.tool(),
                                (exchange, request) ->
                                    parts.tools.call(tool, caller, request.arguments())))
                    .toList())
            .build();
    try {
      ended.await();
    } finally {
      server.closeGracefully();
    }
  }

  /** Counts {@code ended} down when the stream ends or fails. */
  private static final class EndAware extends FilterInputStream {
    private final CountDownLatch ended;

    EndAware(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return watch(() -> super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return watch(() -> super.read(buffer, offset, length));
    }

    private int watch(Read read) throws IOException {
      try {
        int n = read.run();
        if (n < 0) {
          ended.countDown();
        }
        return n;
      } catch (IOException e) {
        ended.countDown();
        throw e;
      }
    }

    private interface Read {
      int run() throws IOException;
    }
  }
}
