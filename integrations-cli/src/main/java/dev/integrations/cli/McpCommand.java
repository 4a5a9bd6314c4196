package dev.integrations.cli;

import dev.integrations.bootstrap.Wiring;
import dev.integrations.mcp.McpStdio;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code integrations mcp --user ID}: the MCP server over stdio, for a desktop assistant or agent
 * that starts it as a child process. Standard output carries protocol messages only: logs and
 * anything else go to standard error. It serves until its client closes standard input. It opens
 * the database itself, so it stops with one sentence where a server holds it (a {@code serve} on
 * the embedded H2 file of this data directory) or is named: that server's {@code /mcp} endpoint
 * serves the same tools.
 */
@Command(
    name = "mcp",
    description = {
      "Serve the user's connections as MCP tools over stdio (JSON-RPC on standard input and output), "
          + "for an AI assistant that starts this command. Runs until standard input closes.",
      "Configure it in the assistant as: integrations mcp --user <id> (see docs/mcp.md)."
    })
final class McpCommand implements Callable<Integer> {
  private final CliContext context;
  @Mixin CommonOptions options;

  McpCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    // Over stdio the tools act on the database; where a server holds it (or one is named), its /mcp
    // does.
    Target target = Target.database(context, options.server);
    String instead =
        target
            .server()
            .map(
                server ->
                    "point the assistant at that server's MCP endpoint, "
                        + server
                        + "mcp, with a bearer token (see docs/mcp.md)")
            .orElse(null);
    Wiring wiring = target.actLocally("mcp", instead, started -> started);
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    // Whatever else would print to standard output (a library, a stray println) goes to standard
    // error.
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    McpStdio.serve(wiring, options.userId(), context.terminal().stdin(), protocol);
    return ExitCodes.OK;
  }
}
