package dev.integrations.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrations import --in FILE}: an archive of {@code export} into the configured database.
 */
@Command(
    name = "import",
    description = {
      "Read an archive written by 'integrations export' into the configured database, in one transaction:",
      "with a wrong passphrase, an incomplete file, or a database that holds rows (without --force),",
      "nothing is imported. Secrets are sealed again under this deployment's key."
    })
final class ImportCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin OperatorOptions options;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "FILE",
      description = "The archive to read.")
  Path file;

  @Option(names = "--force", description = "Delete what the database holds before importing.")
  boolean force;

  ImportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Target target = Target.database(context, options.server);
    target.actLocally("import", wiring -> wiring); // refused before the passphrase is asked for
    char[] passphrase = Passphrase.read(context, false);
    Map<String, Long> rows;
    try {
      rows =
          target.actLocally(
              "import", wiring -> wiring.operations().importFrom(file, passphrase, force));
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    ExportCommand.print(spec, options, rows, "Imported", file);
    return ExitCodes.OK;
  }
}
