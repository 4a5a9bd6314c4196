package dev.integrations.cli;

import dev.integrations.bootstrap.Settings;
import dev.integrations.core.error.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrations token}: mints an HS256 JWT for a user with the configured secret, so anyone
 * can try the HTTP API with curl. The user is the {@code sub} claim; the issuer is the configured
 * one, if any.
 */
@Command(
    name = "token",
    description =
        "Mint a JWT for --user, signed with INTEGRATIONS_JWT_SECRET, and print a curl line "
            + "that calls the API with it.")
final class TokenCommand implements Callable<Integer> {
  static final Duration MAX_TTL = Duration.ofDays(30);

  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  @Option(
      names = "--ttl",
      defaultValue = "1h",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description =
          "How long the token is valid: 90s, 30m, 12h, 7d; at most 30d (default: ${DEFAULT-VALUE}).")
  Duration ttl;

  TokenCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (ttl.compareTo(MAX_TTL) > 0) {
      throw new InvalidRequestException("--ttl is at most 30d; mint a new token when it expires.");
    }
    String user = options.userId().value();
    // The secret alone: no database, so a token can be minted while 'serve' holds the H2 file.
    Settings settings = context.settings();
    Tokens.Minted minted = Tokens.mint(settings, user, ttl);
    String token = minted.token();
    Instant expiresAt = minted.expiresAt();
    String base = settings.publicUrl().toString().replaceAll("/+$", "");
    String curl = "curl -H 'Authorization: Bearer " + token + "' " + base + "/api/integrations";
    String page = base + "/#token=" + token;

    Map<String, Object> json = Json.of("token", token);
    json.put("user", user);
    json.put("expires_at", Format.iso(expiresAt));
    json.put("curl", curl);
    json.put("page", page);
    Output output = Output.of(spec, options);
    output.result(
        json,
        () -> {
          output.line(token);
          output.note("");
          output.note(
              "A token for user '"
                  + user
                  + "', valid for "
                  + Format.duration(ttl)
                  + " (until "
                  + Format.time(expiresAt)
                  + "). Try the API:");
          output.note("");
          output.note("  " + curl);
          output.note("");
          output.note(
              "Or open the integrations page (the token leaves the address bar once read):");
          output.note("");
          output.note("  " + page);
        });
    return ExitCodes.OK;
  }
}
