package dev.integrations.mcp;

import java.util.List;

/**
 * The OAuth scopes of the MCP tools. A token with a {@code scope} claim sees and calls only the
 * tools its scopes name; a token without one is limited by nothing but its user.
 */
final class Scopes {
  static final String CONNECTIONS_READ = "mcp:connections.read";
  static final String MAIL_READ = "mcp:mail.read";
  static final String MAIL_SEND = "mcp:mail.send";
  static final String FILES_READ = "mcp:files.read";
  static final String FILES_WRITE = "mcp:files.write";
  static final String MESSAGES_SEND = "mcp:messages.send";

  /** Every scope, for the protected-resource metadata's {@code scopes_supported}. */
  static final List<String> ALL =
      List.of(CONNECTIONS_READ, MAIL_READ, MAIL_SEND, FILES_READ, FILES_WRITE, MESSAGES_SEND);

  private Scopes() {}
}
