package dev.integrations.cli;

import dev.integrations.bootstrap.Operations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code integrations keys status}: stored secrets per sealed column and key id. */
@Command(
    name = "status",
    description =
        "Count the stored secrets per table, column and encryption key id (current, old, or missing).")
final class KeysStatusCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin OperatorOptions options;

  KeysStatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Operations operations =
        Target.database(context, options.server)
            .actLocally("keys status", wiring -> wiring.operations());
    List<Operations.KeyUsage> usage = operations.keyUsage();
    Output output = Output.of(spec, options);
    output.result(
        json(operations.currentKeyId(), usage),
        () -> {
          output.line("Current key: " + operations.currentKeyId());
          Table table = new Table("TABLE", "COLUMN", "KEY", "STATE", "VALUES");
          usage.forEach(u -> table.row(u.table(), u.column(), u.keyId(), u.state(), u.values()));
          if (table.isEmpty()) {
            output.line("No secrets are stored.");
          } else {
            output.table(table);
          }
          long old =
              usage.stream()
                  .filter(u -> !u.state().equals("current"))
                  .mapToLong(Operations.KeyUsage::values)
                  .sum();
          if (old > 0) {
            output.line(
                old + " values are not under the current key: run 'integrations keys rotate'.");
          }
        });
    return ExitCodes.OK;
  }

  static Map<String, Object> json(String currentKeyId, List<Operations.KeyUsage> usage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("current_key_id", currentKeyId);
    json.put(
        "keys",
        usage.stream()
            .map(
                u -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("table", u.table());
                  row.put("column", u.column());
                  row.put("key_id", u.keyId());
                  row.put("state", u.state());
                  row.put("values", u.values());
                  return row;
                })
            .toList());
    return json;
  }
}
