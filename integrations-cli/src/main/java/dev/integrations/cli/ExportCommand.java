package dev.integrations.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code integrations export --out FILE}: every row into an archive sealed with a passphrase. */
@Command(
    name = "export",
    description = {
      "Write every row of the database to an archive (JSON lines) whose secrets are sealed with a passphrase",
      "("
          + Passphrase.VARIABLE
          + ", or typed without echo): for backups and moves between deployments."
    })
final class ExportCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin OperatorOptions options;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The archive to create.")
  Path file;

  ExportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Target target = Target.database(context, options.server);
    target.actLocally("export", wiring -> wiring); // refused before the passphrase is asked for
    char[] passphrase = Passphrase.read(context, true);
    Map<String, Long> rows;
    try {
      rows = target.actLocally("export", wiring -> wiring.operations().export(file, passphrase));
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    print(spec, options, rows, "Exported", file);
    return ExitCodes.OK;
  }

  static void print(
      CommandSpec spec, OperatorOptions options, Map<String, Long> rows, String verb, Path file) {
    Output output = Output.of(spec, options);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", file.toString());
    json.put("tables", rows);
    output.result(
        json,
        () -> {
          Table table = new Table("TABLE", "ROWS");
          rows.forEach(table::row);
          output.table(table);
          output.line(
              verb
                  + " "
                  + rows.values().stream().mapToLong(Long::longValue).sum()
                  + " rows ("
                  + (verb.equals("Exported") ? "to " : "from ")
                  + file
                  + ").");
        });
  }
}
