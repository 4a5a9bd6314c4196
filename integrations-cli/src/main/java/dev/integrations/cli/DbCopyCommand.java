package dev.integrations.cli;

import dev.integrations.bootstrap.Operations;
import dev.integrations.core.model.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code integrations db copy --to URL}: every row of the configured database into another one. */
@Command(
    name = "copy",
    description = {
      "Copy every connection, credential, pending authorization and other row of the configured database",
      "into another one (for example H2 to PostgreSQL), whose schema is created first. Secrets are re-sealed",
      "under the target's key. The target must be empty unless --force; the row counts are compared at the end.",
      "Stop the servers that write to the source first, or the copy misses what they write after it began."
    })
final class DbCopyCommand implements Callable<Integer> {
  static final String USER_VARIABLE = "INTEGRATIONS_COPY_TO_USER";
  static final String PASSWORD_VARIABLE = "INTEGRATIONS_COPY_TO_PASSWORD";
  static final String KEY_VARIABLE = "INTEGRATIONS_COPY_TO_ENCRYPTION_KEY";

  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin OperatorOptions options;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "JDBC_URL",
      description = "The target database: jdbc:postgresql://host/db or jdbc:h2:file:/path.")
  String url;

  @Option(
      names = "--to-user",
      paramLabel = "USER",
      description = "The target's login (default: " + USER_VARIABLE + ", else none).")
  String user;

  @Option(
      names = "--to-password",
      paramLabel = "PASSWORD",
      description =
          "The target's password (default: "
              + PASSWORD_VARIABLE
              + "; prefer it: options show in ps).")
  String password;

  @Option(
      names = "--to-encryption-key",
      paramLabel = "BASE64",
      description =
          "The key the target's servers will run with (default: "
              + KEY_VARIABLE
              + ", else the current key here).")
  String encryptionKey;

  @Option(names = "--force", description = "Delete what the target holds before copying.")
  boolean force;

  DbCopyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Target target = Target.database(context, options.server);
    String targetUser = user != null ? user : context.settings().setting(USER_VARIABLE).orElse("");
    String targetPassword =
        password != null ? password : context.settings().setting(PASSWORD_VARIABLE).orElse(null);
    String key =
        encryptionKey != null
            ? encryptionKey
            : context.settings().setting(KEY_VARIABLE).orElse(null);
    Map<String, Long> copied =
        target.actLocally(
            "db copy",
            wiring ->
                wiring
                    .operations()
                    .copyTo(
                        new Operations.Target(
                            url,
                            targetUser,
                            Secret.ofNullable(targetPassword),
                            Secret.ofNullable(key)),
                        force));
    Output output = Output.of(spec, options);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tables", copied);
    json.put("verified", true);
    output.result(
        json,
        () -> {
          Table table = new Table("TABLE", "ROWS");
          copied.forEach(table::row);
          output.table(table);
          output.line(
              "Copied "
                  + copied.values().stream().mapToLong(Long::longValue).sum()
                  + " rows; the target's counts match the source's.");
        });
    return ExitCodes.OK;
  }
}
