package dev.integrations.cli;

import dev.integrations.bootstrap.presentation.CompleteRequest;
import dev.integrations.bootstrap.presentation.ConnectRequest;
import dev.integrations.bootstrap.presentation.IntegrationEntry;
import dev.integrations.bootstrap.presentation.Replies;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.Secret;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.core.service.IntegrationService;
import dev.integrations.core.service.Integrations;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrations connect TYPE}. A bot-token integration is connected with {@code --bot-token}
 * (or a hidden prompt at a terminal). An OAuth one prints the consent URL and waits: locally, like
 * {@code gcloud auth login}, it receives the browser's return on this machine and completes the
 * connection; through a server, the server's callback receives the browser, and the connection
 * completes when the integrations page does it or when the address the browser landed on is pasted
 * here. {@code --no-wait} only prints the URL and state.
 */
@Command(
    name = "connect",
    description = {
      "Connect an integration.",
      "Telegram: validates --bot-token with the Bot API (prompted without echo at a terminal when missing).",
      "WhatsApp Business: --api-key (the system-user token; without a value, "
          + ConnectIntegrationCommand.API_KEY_VARIABLE
          + " or prompted without echo) and --config phone_number_id=ID.",
      "Gmail, Google Drive: prints the consent URL, then waits for the browser to come back to the "
          + "configured redirect URI (which must be a loopback address such as http://localhost:8000/...), "
          + "or to http://127.0.0.1:PORT/callback with --port, and completes the connection. Through a "
          + "server, its callback receives the browser; the connection completes when its page is signed "
          + "in as the user, or when the address the browser landed on is pasted here."
    })
final class ConnectIntegrationCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Pattern HANDLE = Pattern.compile("[?&#]handle=([^&#\\s]+)");
  static final String API_KEY_VARIABLE = "INTEGRATIONS_API_KEY";

  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Parameters(
      paramLabel = "TYPE",
      completionCandidates = KnownTypes.class,
      description = "The integration: ${COMPLETION-CANDIDATES}.")
  String type;

  @Option(
      names = "--bot-token",
      paramLabel = "TOKEN",
      description =
          "The Telegram bot token (from @BotFather). Prompted for without echo when missing at a terminal.")
  String botToken;

  /** Empty when given without a value: then {@value #API_KEY_VARIABLE}, or a hidden prompt. */
  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      arity = "0..1",
      fallbackValue = "",
      description =
          "The API key of an API-key integration (WhatsApp Business's system-user token). Without a "
              + "value: "
              + API_KEY_VARIABLE
              + ", else prompted for without echo at a terminal.")
  String apiKey;

  @Option(
      names = "--config",
      paramLabel = "NAME=VALUE",
      description =
          "A connection value the integration asks "
              + "for, such as phone_number_id=ID for WhatsApp Business (repeatable).")
  Map<String, String> config;

  @Option(
      names = "--no-wait",
      description =
          "OAuth: print the consent URL and state, and return; the "
              + "server at the configured redirect URI receives the browser and hands the web page a one-time "
              + "handle, and the page, signed in as the same user, completes the connection.")
  boolean noWait;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "OAuth, without a server: receive the browser on "
              + "http://127.0.0.1:PORT/callback instead of the configured redirect URI; 0 picks a free port. "
              + "Needs an OAuth client that accepts loopback redirects (a Google desktop client).")
  Integer port;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "OAuth: how long to wait for the browser (default: ${DEFAULT-VALUE}; at most the "
              + "authorization's own 10 minutes).")
  Duration timeout;

  ConnectIntegrationCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Target target = context.target(options);
    Kind kind = target.integration(type);
    Replies.Connected connected;
    if (!kind.requiresOauth()) {
      connected = connectToken(target, kind);
    } else if (botToken != null || apiKey != null || config != null) {
      String option =
          botToken != null
              ? "--bot-token is for bot-token"
              : apiKey != null
                  ? "--api-key is for API-key"
                  : "--config is for bot-token and API-key";
      throw new ParameterException(
          spec.commandLine(), option + " integrations; " + kind.name() + " connects through OAuth");
    } else if (noWait) {
      return printConsentUrl(target, kind);
    } else if (target.remote()) {
      connected = connectThroughServer(target, target.api().orElseThrow(), kind);
    } else {
      connected = connectInBrowser(target, kind);
    }
    Output output = Output.of(spec, options);
    output.result(
        connected, () -> output.line(connectedSentence(target, kind.name(), connected.account())));
    return ExitCodes.OK;
  }

  /**
   * A bot token ({@code --bot-token}) or an API key ({@code --api-key}), with the connection values
   * of {@code --config}; the answer, in both modes, is the API's, whose message names an API key's
   * connection as an OAuth one's ("connected successfully") and a bot's as a bot's.
   */
  private Replies.Connected connectToken(Target target, Kind kind) {
    boolean isApiKey = apiKey != null;
    if (isApiKey && botToken != null) {
      throw new ParameterException(
          spec.commandLine(), "Give either --bot-token or --api-key, not both");
    }
    String token = isApiKey ? apiKey(kind) : botToken;
    if (token == null && !isApiKey && context.terminal().interactive()) {
      token = context.terminal().readSecret(kind.name() + " bot token (input hidden): ");
    }
    Secret secret = Secret.ofNullable(token == null || token.isBlank() ? null : token);
    Map<String, String> values = config == null ? Map.of() : Map.copyOf(config);
    return target.act(
        integrations -> {
          ConnectResult result =
              integrations
                  .connections()
                  .connect(
                      isApiKey
                          ? ConnectCommand.apiKey(target.user(), kind.type(), secret, values)
                          : new ConnectCommand(
                              target.user(), kind.type(), secret, null, Completion.CALLER, values));
          Integration integration = integration(integrations, kind);
          return Replies.Connected.of(
              integration.name(),
              integration.requiresOAuth() || isApiKey,
              integration.type().value(),
              IntegrationEntry.AccountBody.of(
                  ((ConnectResult.Connected) result).connection().account()));
        },
        api ->
            api.post(
                "/api/integrations/connect",
                new ConnectRequest(
                    kind.type().value(),
                    isApiKey || secret == null ? null : secret.reveal(),
                    null,
                    isApiKey && secret != null ? secret.reveal() : null,
                    values.isEmpty() ? null : values),
                Replies.Connected.class));
  }

  /**
   * {@code --api-key}'s value; given without one, {@value #API_KEY_VARIABLE} or a hidden prompt.
   */
  private String apiKey(Kind kind) {
    if (!apiKey.isEmpty()) {
      return apiKey;
    }
    return context
        .settings()
        .setting(API_KEY_VARIABLE)
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .orElseGet(
            () ->
                context.terminal().interactive()
                    ? context.terminal().readSecret(kind.name() + " API key (input hidden): ")
                    : null);
  }

  private int printConsentUrl(Target target, Kind kind) {
    // Nobody here will see the browser come back: the server's public callback parks the consent,
    // and
    // only the user's own token completes it (POST /api/integrations/complete, which the page
    // calls).
    Replies.AuthorizationPending pending =
        target.act(
            integrations ->
                Replies.AuthorizationPending.of(
                    start(integrations, target, kind, null, Completion.API)),
            api -> startThroughServer(api, kind));
    String callback =
        target.remote() ? "the server's callback" : context.settings().redirectUri().toString();
    Output output = Output.of(spec, options);
    output.result(
        pending,
        () -> {
          output.line("Open this URL in a browser to connect " + kind.name() + ":");
          output.line("");
          output.line("  " + pending.oauthUrl());
          output.line("");
          output.line("state: " + pending.state());
          output.line(
              "The browser returns to "
                  + callback
                  + " before "
                  + Format.time(pending.expiresAt())
                  + "; the web page then finishes the connection when it is signed in as user "
                  + target.user().value()
                  + " ('integrations token --user "
                  + target.user().value()
                  + "').");
        });
    return ExitCodes.OK;
  }

  private Replies.Connected connectInBrowser(Target target, Kind kind) {
    Integrations integrations = context.integrations();
    Integration integration = integration(integrations, kind);
    URI listenOn =
        port == null
            ? context.settings().redirectUri()
            : URI.create("http://127.0.0.1:" + port + "/callback");
    Output output = Output.of(spec, options);
    try (LoopbackReceiver receiver = LoopbackReceiver.listen(listenOn)) {
      // The loopback receiver is this process's own: it completes in-process for --user (CALLER).
      ConnectResult.AuthorizationPending pending =
          start(
              integrations,
              target,
              kind,
              port == null ? null : receiver.redirectUri(),
              Completion.CALLER);
      Duration wait = shorter(timeout, Duration.between(Instant.now(), pending.expiresAt()));
      LoopbackReceiver.Expected<Connection> expected =
          receiver.expect(
              pending.state().reveal(),
              parameters ->
                  connections(integrations)
                      .completeAuthorization(
                          new AuthorizationCallback(
                              parameters.get("state"),
                              parameters.get("code"),
                              parameters.get("error"),
                              target.user())),
              done ->
                  new LoopbackReceiver.Reply(
                      true,
                      kind.name() + " connected",
                      connectedSentence(
                          target, kind.name(), IntegrationEntry.AccountBody.of(done.account()))),
              failure ->
                  new LoopbackReceiver.Reply(
                      false, kind.name() + " was not connected", failureSentence(failure)));
      noteOpen(output, kind, pending.authorizationUrl().toString());
      output.note(
          "Waiting up to "
              + Format.duration(wait)
              + " for the browser to come back to "
              + receiver.redirectUri()
              + " (Ctrl-C to cancel)...");
      return Replies.Connected.of(integration, expected.await(wait));
    }
  }

  /**
   * Through a server: its callback receives the browser and parks the consent ({@code completion:
   * api}); it is completed by the page signed in as the user (seen here by polling the list), or
   * here, with the handle in the address the browser landed on, pasted by the person at the
   * terminal.
   */
  private Replies.Connected connectThroughServer(Target target, Api api, Kind kind)
      throws InterruptedException {
    if (port != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--port receives the browser on this machine; acting "
              + "through the server at "
              + api.base()
              + ", its own callback receives it (drop --port)");
    }
    IntegrationEntry before = entry(api, kind);
    Replies.AuthorizationPending pending = startThroughServer(api, kind);
    Duration wait = shorter(timeout, Duration.between(Instant.now(), pending.expiresAt()));
    Output output = Output.of(spec, options);
    noteOpen(output, kind, pending.oauthUrl());
    output.note(
        "Waiting up to "
            + Format.duration(wait)
            + ": the connection completes when the integrations "
            + "page, signed in as user "
            + target.user().value()
            + ", receives the browser; or paste here the "
            + "address the browser landed on (Ctrl-C to cancel).");
    Pasted pasted = Pasted.from(context.terminal().stdin());
    Instant deadline = Instant.now().plus(wait);
    while (Instant.now().isBefore(deadline)) {
      String line = pasted.poll(POLL);
      if (line != null) {
        api.post(
            "/api/integrations/complete",
            new CompleteRequest(handle(line)),
            Replies.Completed.class);
        return connected(kind, entry(api, kind));
      }
      IntegrationEntry now = entry(api, kind);
      if ("connected".equals(now.status())
          && (!"connected".equals(before.status())
              || !Objects.equals(now.connectedAt(), before.connectedAt()))) {
        return connected(kind, now);
      }
    }
    throw new CliException(
        ExitCodes.FAILURE,
        "authorization_timeout",
        "The browser did not come back within " + Format.duration(wait) + "; run connect again");
  }

  private static Replies.AuthorizationPending startThroughServer(Api api, Kind kind) {
    return api.post(
        "/api/integrations/connect",
        new ConnectRequest(kind.type().value(), null, Completion.API.wireName(), null, null),
        Replies.AuthorizationPending.class);
  }

  private static IntegrationEntry entry(Api api, Kind kind) {
    return api.getList("/api/integrations", IntegrationEntry.class).stream()
        .filter(e -> e.type().equals(kind.type().value()))
        .findFirst()
        .orElseThrow(
            () ->
                new CliException(
                    ExitCodes.FAILURE,
                    "unexpected_answer",
                    "The server no longer lists " + kind.type().value()));
  }

  private static Replies.Connected connected(Kind kind, IntegrationEntry entry) {
    return Replies.Connected.of(
        kind.name(), kind.requiresOauth(), kind.type().value(), entry.account());
  }

  /**
   * The handle in a pasted address ({@code …?integration=gmail&status=pending&handle=…}), or the
   * line itself.
   */
  static String handle(String line) {
    Matcher matcher = HANDLE.matcher(line);
    return matcher.find()
        ? URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8)
        : line.strip();
  }

  private ConnectResult.AuthorizationPending start(
      Integrations integrations, Target target, Kind kind, URI redirectUri, Completion completion) {
    ConnectResult result =
        connections(integrations)
            .connect(new ConnectCommand(target.user(), kind.type(), null, redirectUri, completion));
    return (ConnectResult.AuthorizationPending) result;
  }

  private static void noteOpen(Output output, Kind kind, String url) {
    output.note("Open this URL in your browser to connect " + kind.name() + ":");
    output.note("");
    output.note("  " + url);
    output.note("");
  }

  private static String connectedSentence(
      Target target, String name, IntegrationEntry.AccountBody account) {
    return name
        + " connected for user "
        + target.user().value()
        + (account == null ? "" : " as " + account.displayName())
        + ".";
  }

  private static String failureSentence(RuntimeException failure) {
    String code = failure instanceof IntegrationException e ? " (" + e.code().wireName() + ")" : "";
    return failure.getMessage() + code;
  }

  private static Integration integration(Integrations integrations, Kind kind) {
    return connections(integrations).integration(kind.type());
  }

  private static IntegrationService connections(Integrations integrations) {
    return integrations.connections();
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
