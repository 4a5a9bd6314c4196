package dev.integrations.cli;

import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.Secret;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.core.service.IntegrationService;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrations connect TYPE}. A bot-token integration is connected with {@code --bot-token} (or
 * a hidden prompt at a terminal). An OAuth one prints the consent URL and, like {@code gcloud auth
 * login}, receives the browser's return on this machine and completes the connection; {@code
 * --no-wait} only prints the URL and state.
 */
@Command(
    name = "connect",
    description = {
      "Connect an integration.",
      "Telegram: validates --bot-token with the Bot API (prompted without echo at a terminal when missing).",
      "Gmail, Google Drive: prints the consent URL, then waits for the browser to come back to the "
          + "configured redirect URI (which must be a loopback address such as http://localhost:8000/...), "
          + "or to http://127.0.0.1:PORT/callback with --port, and completes the connection."
    })
final class ConnectIntegrationCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(paramLabel = "TYPE", completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  @Option(names = "--bot-token", paramLabel = "TOKEN",
      description = "The Telegram bot token (from @BotFather). Prompted for without echo when missing at a terminal.")
  String botToken;

  @Option(names = "--no-wait", description = "OAuth: print the consent URL and state, and return; the "
      + "server at the configured redirect URI receives the browser and hands the web page a one-time "
      + "handle, and the page, signed in as the same user, completes the connection.")
  boolean noWait;

  @Option(names = "--port", paramLabel = "PORT", description = "OAuth: receive the browser on "
      + "http://127.0.0.1:PORT/callback instead of the configured redirect URI; 0 picks a free port. "
      + "Needs an OAuth client that accepts loopback redirects (a Google desktop client).")
  Integer port;

  @Option(names = "--timeout", defaultValue = "5m", converter = DurationConverter.class, paramLabel = "DURATION",
      description = "OAuth: how long to wait for the browser (default: ${DEFAULT-VALUE}; at most the "
          + "authorization's own 10 minutes).")
  Duration timeout;

  ConnectIntegrationCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Integration integration = KnownTypes.resolve(context.integrations(), type);
    if (integration.authMethod() == AuthMethod.BOT_TOKEN) {
      return connectBotToken(integration);
    }
    if (botToken != null) {
      throw new ParameterException(spec.commandLine(), "--bot-token is for bot-token integrations; "
          + integration.name() + " connects through OAuth");
    }
    return noWait ? printConsentUrl(integration) : connectInBrowser(integration);
  }

  private int connectBotToken(Integration integration) {
    String token = botToken;
    if (token == null && context.terminal().interactive()) {
      token = context.terminal().readSecret(integration.name() + " bot token (input hidden): ");
    }
    ConnectResult result = connections().connect(
        ConnectCommand.botToken(options.userId(), integration.type(), Secret.ofNullable(token)));
    return printConnected(integration, ((ConnectResult.Connected) result).connection());
  }

  private int printConsentUrl(Integration integration) {
    // Nobody here will see the browser come back: the server's public callback parks the consent, and
    // only the user's own token completes it (POST /api/integrations/complete, which the page calls).
    ConnectResult.AuthorizationPending pending = start(integration, null, Completion.API);
    Map<String, Object> json = Json.of("oauth_url", pending.authorizationUrl().toString());
    json.put("state", pending.state().reveal());
    json.put("message", "Please authorize the application");
    json.put("expires_at", Format.iso(pending.expiresAt()));
    json.put("redirect_uri", context.settings().redirectUri().toString());
    Output output = Output.of(spec, options);
    output.result(json, () -> {
      output.line("Open this URL in a browser to connect " + integration.name() + ":");
      output.line("");
      output.line("  " + pending.authorizationUrl());
      output.line("");
      output.line("state: " + pending.state().reveal());
      output.line("The browser returns to " + context.settings().redirectUri() + " before "
          + Format.time(pending.expiresAt()) + "; the web page then finishes the connection when it is "
          + "signed in as user " + options.user + " ('integrations token --user " + options.user + "').");
    });
    return ExitCodes.OK;
  }

  private int connectInBrowser(Integration integration) {
    URI listenOn = port == null ? context.settings().redirectUri() : URI.create("http://127.0.0.1:" + port + "/callback");
    Output output = Output.of(spec, options);
    try (LoopbackReceiver receiver = LoopbackReceiver.listen(listenOn)) {
      // The loopback receiver is this process's own: it completes in-process for --user (CALLER).
      ConnectResult.AuthorizationPending pending =
          start(integration, port == null ? null : receiver.redirectUri(), Completion.CALLER);
      Duration wait = shorter(timeout, Duration.between(Instant.now(), pending.expiresAt()));
      LoopbackReceiver.Expected<Connection> expected = receiver.expect(
          pending.state().reveal(),
          parameters -> connections().completeAuthorization(new AuthorizationCallback(
              parameters.get("state"), parameters.get("code"), parameters.get("error"), options.userId())),
          done -> new LoopbackReceiver.Reply(true, integration.name() + " connected", connectedSentence(integration, done)),
          failure -> new LoopbackReceiver.Reply(false, integration.name() + " was not connected", failureSentence(failure)));
      output.note("Open this URL in your browser to connect " + integration.name() + ":");
      output.note("");
      output.note("  " + pending.authorizationUrl());
      output.note("");
      output.note("Waiting up to " + Format.duration(wait) + " for the browser to come back to "
          + receiver.redirectUri() + " (Ctrl-C to cancel)...");
      Connection connection = expected.await(wait);
      return printConnected(integration, connection);
    }
  }

  private ConnectResult.AuthorizationPending start(Integration integration, URI redirectUri, Completion completion) {
    ConnectResult result = connections().connect(
        new ConnectCommand(options.userId(), integration.type(), null, redirectUri, completion));
    return (ConnectResult.AuthorizationPending) result;
  }

  private int printConnected(Integration integration, Connection connection) {
    Map<String, Object> json = Json.outcome(true, integration.name() + " connected successfully", integration);
    json.put("account", connection.account() == null ? null : connection.account().displayName());
    Output output = Output.of(spec, options);
    output.result(json, () -> output.line(connectedSentence(integration, connection)));
    return ExitCodes.OK;
  }

  private String connectedSentence(Integration integration, Connection connection) {
    return integration.name() + " connected for user " + options.user
        + (connection.account() == null ? "" : " as " + connection.account().displayName()) + ".";
  }

  private static String failureSentence(RuntimeException failure) {
    String code = failure instanceof IntegrationException e ? " (" + e.code().wireName() + ")" : "";
    return failure.getMessage() + code;
  }

  private IntegrationService connections() {
    return context.integrations().connections();
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
