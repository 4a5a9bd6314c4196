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
  /** How picocli's script finds the subcommand being completed: its words anywhere on the line. */
  static final String WORDS_ANYWHERE =
      """
      function CompWordsContainsArray() {
        declare -a localArray
        localArray=("$@")
        local findme
        for findme in "${localArray[@]}"; do
          if ElementNotInCompWords "$findme"; then return 1; fi
        done
        return 0
      }
      """;

  /**
   * The words of a subcommand right after the command name, in order. Matched anywhere, an
   * integration type that is also a command name took over: {@code connect telegram --} completed
   * the options of {@code telegram}, {@code test gmail --} those of {@code gmail}, {@code list
   * --user test} of {@code test}.
   */
  static final String WORDS_AT_START =
      """
      function CompWordsContainsArray() {
        local position=1
        local findme
        for findme in "$@"; do
          if [[ "${COMP_WORDS[position]}" != "$findme" ]]; then return 1; fi
          position=$((position + 1))
        done
        return 0
      }
      """;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(script(spec));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  static String script(CommandSpec spec) {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    if (!script.contains(WORDS_ANYWHERE)) {
      throw new IllegalStateException(
          "picocli's completion script changed: check CompletionCommand.WORDS_AT_START");
    }
    return script.replace(WORDS_ANYWHERE, WORDS_AT_START);
  }
}
