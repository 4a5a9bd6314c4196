package dev.integrations.cli;

import dev.integrations.bootstrap.Operations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code integrations keys rotate}: re-seal every stored secret under the current key. */
@Command(
    name = "rotate",
    description = {
      "Re-seal every stored secret under the current key (INTEGRATIONS_ENCRYPTION_KEY), a batch at a time.",
      "Old keys must be listed in INTEGRATIONS_ENCRYPTION_OLD_KEYS. Safe while servers run: a row they change",
      "meanwhile is read again, never overwritten. Interrupted, it is simply run again."
    })
final class KeysRotateCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin OperatorOptions options;

  @Option(
      names = "--batch-size",
      paramLabel = "ROWS",
      defaultValue = "100",
      description = "Rows read and re-sealed per batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  KeysRotateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (batchSize < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--batch-size must be at least 1");
    }
    Operations operations =
        Target.database(context, options.server)
            .actLocally("keys rotate", wiring -> wiring.operations());
    Output output = Output.of(spec, options);
    Operations.Rotation rotation =
        operations.rotateKeys(
            batchSize, progress -> output.note("... " + progress.resealed() + " rows re-sealed"));
    long notCurrent =
        operations.keyUsage().stream()
            .filter(u -> !u.state().equals("current"))
            .mapToLong(Operations.KeyUsage::values)
            .sum();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("current_key_id", operations.currentKeyId());
    json.put("resealed", rotation.resealed());
    json.put("changed_meanwhile", rotation.changedMeanwhile());
    json.put("gone", rotation.gone());
    json.put("failed", rotation.failed());
    json.put("not_current", notCurrent);
    output.result(
        json,
        () -> {
          output.line(
              "Re-sealed "
                  + rotation.resealed()
                  + " rows under key "
                  + operations.currentKeyId()
                  + " ("
                  + rotation.changedMeanwhile()
                  + " changed meanwhile, "
                  + rotation.gone()
                  + " deleted meanwhile).");
          rotation.failed().forEach(f -> output.line("Not re-sealed: " + f));
          output.line(
              notCurrent == 0
                  ? "Every stored secret is under the current key: old keys can be removed from INTEGRATIONS_ENCRYPTION_OLD_KEYS."
                  : notCurrent
                      + " values are still under other keys (see 'integrations keys status'); run the rotation again.");
        });
    return rotation.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
