package dev.integrations.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code integrations completion}: the bash (and zsh, through bashcompinit) completion script. */
@Command(
    name = "completion",
    description = {
      "Print the bash completion script (zsh: run 'autoload -U bashcompinit && bashcompinit' first).",
      "Try it: source <(integrations completion)"
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
