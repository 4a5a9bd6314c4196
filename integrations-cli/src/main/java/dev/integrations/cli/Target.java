package dev.integrations.cli;

import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.bootstrap.presentation.IntegrationEntry;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.Integrations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a command acts, and the one seam every command goes through: {@link #act(Function,
 * Function)} takes what to do with the library (locally, on the database) and what to do through
 * the HTTP API (remotely), and runs the one that applies. Both return the same presentation record,
 * which the command then prints; so a command is written once, prints the same in both modes, and
 * exits the same (an error answer becomes the library's exception, see {@link Api}).
 *
 * <p>Remote when {@code --server} or {@code INTEGRATIONS_SERVER_URL} names a server, or when a live
 * {@code serve} left its {@link ServerFile} in the data directory: then the database file is the
 * server's, and going through it keeps one writer, its refresh flights and its durability.
 * Otherwise local.
 *
 * <p>A command the API does not offer (an operator's, on the whole database) takes its target from
 * {@link #database(CliContext, String)} and runs through {@link #actLocally(String, Function)},
 * which stops with one sentence where it cannot open the database.
 */
final class Target {
  private static final Logger LOG = LoggerFactory.getLogger(Target.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final CliContext context;

  /** The server named or found; null when acting on the database. */
  private final URI server;

  /** Whether {@link #server} was found running on this data directory rather than named. */
  private final boolean found;

  /** Its API; null on the database, and for a {@link #database} target, which never calls it. */
  private final Api api;

  private final UserId user;

  private Target(CliContext context, URI server, boolean found, Api api, UserId user) {
    this.context = context;
    this.server = server;
    this.found = found;
    this.api = api;
    this.user = user;
  }

  /** Chooses local or remote for a command run with {@code options}. */
  static Target choose(CliContext context, CommonOptions options) {
    Settings settings = context.settings();
    String token =
        Optional.ofNullable(options.token)
            .or(() -> setting(settings, "INTEGRATIONS_TOKEN"))
            .orElse(null);
    Optional<URI> named = named(settings, options.server);
    if (named.isPresent()) {
      return remote(context, options, named.get(), false, token);
    }
    Optional<URI> running = running(settings);
    if (running.isPresent()) {
      LOG.info("Acting through the server running at {} (it holds the database)", running.get());
      return remote(context, options, running.get(), true, token);
    }
    return new Target(context, null, false, null, options.userId());
  }

  /**
   * The target of a command that works only on the database (an operator's: keys, db copy, export,
   * import, users purge, webhooks, mcp over stdio). It never calls a server, so needs no token;
   * {@link #actLocally} refuses when {@code serverOption} or {@code INTEGRATIONS_SERVER_URL} names
   * a server, or when a live {@code serve} holds this data directory's embedded H2 file (which
   * opens in one process only). Beside a server on a shared database (PostgreSQL, H2 over TCP) it
   * works on the database, as one more of its servers would.
   */
  static Target database(CliContext context, String serverOption) {
    Settings settings = context.settings();
    Optional<URI> named = named(settings, serverOption);
    if (named.isPresent()) {
      return new Target(context, named.get(), false, null, null);
    }
    Optional<URI> running = embeddedH2(settings.dbUrl()) ? running(settings) : Optional.empty();
    return new Target(context, running.orElse(null), running.isPresent(), null, null);
  }

  /** {@code --server}, else {@code INTEGRATIONS_SERVER_URL}, as a base URL ending in {@code /}. */
  private static Optional<URI> named(Settings settings, String serverOption) {
    return Optional.ofNullable(serverOption)
        .or(() -> setting(settings, "INTEGRATIONS_SERVER_URL"))
        .map(Target::url);
  }

  /** The live server whose {@link ServerFile} is in the data directory, if it answers. */
  private static Optional<URI> running(Settings settings) {
    return ServerFile.read(settings.dataDir())
        .filter(ServerFile.Entry::alive)
        .map(ServerFile.Entry::url)
        .filter(Target::answers);
  }

  /**
   * Whether {@code dbUrl} is an H2 database opened in this process (a file only one process can
   * open).
   */
  private static boolean embeddedH2(String dbUrl) {
    return dbUrl.startsWith("jdbc:h2:")
        && !dbUrl.startsWith("jdbc:h2:tcp:")
        && !dbUrl.startsWith("jdbc:h2:ssl:")
        && !dbUrl.toUpperCase(java.util.Locale.ROOT).contains(";AUTO_SERVER=TRUE");
  }

  private static Target remote(
      CliContext context, CommonOptions options, URI url, boolean found, String token) {
    Settings settings = context.settings();
    Supplier<String> bearer;
    UserId user;
    if (token != null) {
      String holder =
          Tokens.user(token)
              .orElseThrow(
                  () ->
                      new CliException(
                          ExitCodes.NOT_CONFIGURED,
                          "invalid_token",
                          "The token given by --token or INTEGRATIONS_TOKEN is not a JWT"));
      if (options.user != null && !options.user.equals(holder)) {
        throw new CliException(
            ExitCodes.USAGE,
            "user_mismatch",
            "--user "
                + options.user
                + " does not match the token, which is user "
                + holder
                + "'s; drop --user or use that user's token");
      }
      user = UserId.of(holder);
      bearer = () -> token;
    } else if (Tokens.secretAvailable(settings)) {
      user = options.userId();
      bearer = () -> Tokens.mint(settings, user.value(), Tokens.REQUEST_TTL).token();
    } else {
      throw new CliException(
          ExitCodes.NOT_CONFIGURED,
          "token_required",
          "Acting through the server at "
              + url
              + " needs a token: --token or INTEGRATIONS_TOKEN (mint one with 'integrations token --user USER' "
              + "where the server's INTEGRATIONS_JWT_SECRET is), or set INTEGRATIONS_JWT_SECRET here");
    }
    return new Target(context, url, found, new Api(url, bearer), user);
  }

  /** Runs {@code locally} with the library, or {@code remotely} with the server's API. */
  <R> R act(Function<Integrations, R> locally, Function<Api, R> remotely) {
    if (server == null) {
      return locally.apply(context.integrations());
    }
    if (api == null) {
      throw new IllegalStateException("a database target acts locally only");
    }
    return remotely.apply(api);
  }

  /**
   * Runs {@code locally} on the database for a command the API does not offer; where this target is
   * a server (named, or running on the embedded H2 file) it stops with a sentence saying what to do
   * instead.
   */
  <R> R actLocally(String command, Function<Wiring, R> locally) {
    return actLocally(command, null, locally);
  }

  /**
   * {@link #actLocally(String, Function)}, whose refusal ends with {@code instead} (a sentence)
   * when given.
   */
  <R> R actLocally(String command, String instead, Function<Wiring, R> locally) {
    if (server != null) {
      String why =
          found
              ? "'integrations "
                  + command
                  + "' works on the database, and the server running at "
                  + server
                  + " holds its embedded H2 file (one process at a time): stop that 'serve' first"
              : "'integrations "
                  + command
                  + "' works on the database, not through the server at "
                  + server
                  + ": run it where the database is, without --server or INTEGRATIONS_SERVER_URL";
      throw new CliException(
          ExitCodes.USAGE, "local_only", why + (instead == null ? "" : "; " + instead));
    }
    return locally.apply(context.wiring());
  }

  /** Whether this command acts through a server. */
  boolean remote() {
    return server != null;
  }

  /** The server named or found, if any. */
  Optional<URI> server() {
    return Optional.ofNullable(server);
  }

  /** The server acted through, when {@link #remote()}. */
  Optional<Api> api() {
    return Optional.ofNullable(api);
  }

  /** The user acted for: {@code --user}, or the holder of the token given. */
  UserId user() {
    return user;
  }

  /**
   * The integration {@code typed} names; an {@code invalid_integration_type} error listing the
   * known ones otherwise, in the same words in both modes.
   */
  Kind integration(String typed) {
    if (server == null) {
      return Kind.of(KnownTypes.resolve(context.integrations(), typed));
    }
    List<IntegrationEntry> entries = api.getList("/api/integrations", IntegrationEntry.class);
    for (IntegrationEntry entry : entries) {
      if (entry.type().equals(typed)) {
        return Kind.of(entry);
      }
    }
    String known = entries.stream().map(IntegrationEntry::type).collect(Collectors.joining(", "));
    throw new InvalidRequestException(
        ErrorCode.INVALID_INTEGRATION_TYPE, KnownTypes.unknown(typed, known));
  }

  private static Optional<String> setting(Settings settings, String key) {
    return settings.setting(key).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static URI url(String text) {
    try {
      URI url = URI.create(text.strip());
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
          && url.getHost() != null) {
        return url.toString().endsWith("/") ? url : URI.create(url + "/");
      }
    } catch (IllegalArgumentException malformed) {
      // reported below
    }
    throw new CliException(
        ExitCodes.NOT_CONFIGURED,
        "invalid_configuration",
        "The server URL '" + text + "' is not an http(s) URL such as http://127.0.0.1:8000");
  }

  /** Whether a server answers its liveness route at {@code url}. */
  private static boolean answers(URI url) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
      HttpResponse<Void> health =
          client.send(
              HttpRequest.newBuilder(url.resolve("health")).timeout(PROBE_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return health.statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
