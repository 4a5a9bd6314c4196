package dev.integrations.cli;

import dev.integrations.bootstrap.Settings;
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
 * Where a command acts, and the one seam every command goes through: {@link #act(Function, Function)}
 * takes what to do with the library (locally, on the database) and what to do through the HTTP API
 * (remotely), and runs the one that applies. Both return the same presentation record, which the
 * command then prints; so a command is written once, prints the same in both modes, and exits the same
 * (an error answer becomes the library's exception, see {@link Api}).
 *
 * <p>Remote when {@code --server} or {@code INTEGRATIONS_SERVER_URL} names a server, or when a live
 * {@code serve} left its {@link ServerFile} in the data directory: then the database file is the
 * server's, and going through it keeps one writer, its refresh flights and its durability. Otherwise
 * local.
 */
final class Target {
  private static final Logger LOG = LoggerFactory.getLogger(Target.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final CliContext context;
  private final Api api;
  private final UserId user;

  private Target(CliContext context, Api api, UserId user) {
    this.context = context;
    this.api = api;
    this.user = user;
  }

  /** Chooses local or remote for a command run with {@code options}. */
  static Target choose(CliContext context, CommonOptions options) {
    Settings settings = context.settings();
    String server = Optional.ofNullable(options.server).or(() -> setting(settings, "INTEGRATIONS_SERVER_URL")).orElse(null);
    String token = Optional.ofNullable(options.token).or(() -> setting(settings, "INTEGRATIONS_TOKEN")).orElse(null);
    if (server != null) {
      return remote(context, options, url(server), token);
    }
    Optional<ServerFile.Entry> running = ServerFile.read(settings.dataDir()).filter(ServerFile.Entry::alive)
        .filter(entry -> answers(entry.url()));
    if (running.isPresent()) {
      LOG.info("Acting through the server running at {} (it holds the database)", running.get().url());
      return remote(context, options, running.get().url(), token);
    }
    return new Target(context, null, options.userId());
  }

  private static Target remote(CliContext context, CommonOptions options, URI url, String token) {
    Settings settings = context.settings();
    Supplier<String> bearer;
    UserId user;
    if (token != null) {
      String holder = Tokens.user(token).orElseThrow(() -> new CliException(ExitCodes.NOT_CONFIGURED,
          "invalid_token", "The token given by --token or INTEGRATIONS_TOKEN is not a JWT"));
      if (options.user != null && !options.user.equals(holder)) {
        throw new CliException(ExitCodes.USAGE, "user_mismatch", "--user " + options.user
            + " does not match the token, which is user " + holder + "'s; drop --user or use that user's token");
      }
      user = UserId.of(holder);
      bearer = () -> token;
    } else if (Tokens.secretAvailable(settings)) {
      user = options.userId();
      bearer = () -> Tokens.mint(settings, user.value(), Tokens.REQUEST_TTL).token();
    } else {
      throw new CliException(ExitCodes.NOT_CONFIGURED, "token_required", "Acting through the server at " + url
          + " needs a token: --token or INTEGRATIONS_TOKEN (mint one with 'integrations token --user USER' "
          + "where the server's INTEGRATIONS_JWT_SECRET is), or set INTEGRATIONS_JWT_SECRET here");
    }
    return new Target(context, new Api(url, bearer), user);
  }

  /** Runs {@code locally} with the library, or {@code remotely} with the server's API. */
  <R> R act(Function<Integrations, R> locally, Function<Api, R> remotely) {
    return api == null ? locally.apply(context.integrations()) : remotely.apply(api);
  }

  /**
   * Runs {@code locally} for a command the API does not offer (an operator's command on the database);
   * through a server it stops with a sentence saying where to run it instead.
   */
  <R> R actLocally(String command, Function<Integrations, R> locally) {
    return act(locally, api -> {
      throw new CliException(ExitCodes.USAGE, "local_only", "'" + command + "' works on the database, not through "
          + "the server at " + api.base() + "; run it where the database is, without --server (and with no "
          + "'serve' running on an embedded H2 file)");
    });
  }

  /** Whether this command acts through a server. */
  boolean remote() {
    return api != null;
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
   * The integration {@code typed} names; an {@code invalid_integration_type} error listing the known
   * ones otherwise, in the same words in both modes.
   */
  Kind integration(String typed) {
    if (api == null) {
      return Kind.of(KnownTypes.resolve(context.integrations(), typed));
    }
    List<IntegrationEntry> entries = api.getList("/api/integrations", IntegrationEntry.class);
    for (IntegrationEntry entry : entries) {
      if (entry.type().equals(typed)) {
        return Kind.of(entry);
      }
    }
    String known = entries.stream().map(IntegrationEntry::type).collect(Collectors.joining(", "));
    throw new InvalidRequestException(ErrorCode.INVALID_INTEGRATION_TYPE, KnownTypes.unknown(typed, known));
  }

  private static Optional<String> setting(Settings settings, String key) {
    return settings.setting(key).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static URI url(String text) {
    try {
      URI url = URI.create(text.strip());
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException malformed) {
      // reported below
    }
    throw new CliException(ExitCodes.NOT_CONFIGURED, "invalid_configuration",
        "The server URL '" + text + "' is not an http(s) URL such as http://127.0.0.1:8000");
  }

  /** Whether a server answers its liveness route at {@code url}. */
  private static boolean answers(URI url) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
      HttpResponse<Void> health = client.send(
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
