package dev.integrations.cli;

import dev.integrations.mcp.McpStdio;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code integrations mcp --user ID}: the MCP server over stdio, for a desktop assistant or agent that
 * starts it as a child process. Standard output carries protocol messages only: logs and anything else
 * go to standard error. It serves until its client closes standard input.
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
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    // Whatever else would print to standard output (a library, a stray println) goes to standard error.
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    McpStdio.serve(context.wiring(), options.userId(), context.terminal().stdin(), protocol);
    return ExitCodes.OK;
  }
}
