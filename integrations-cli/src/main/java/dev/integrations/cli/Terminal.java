package dev.integrations.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What the command knows of the terminal it runs in; tests supply their own. */
interface Terminal {

  /** Whether a person is at a terminal: standard input and output are attached to one. */
  boolean interactive();

  /** Asks for a secret without echoing it; null when there is no terminal or nothing was typed. */
  String readSecret(String prompt);

  /** Standard input, for commands that read a message body from a pipe. */
  InputStream stdin();

  /** Reads standard input to its end as UTF-8. */
  default String readStdin() throws IOException {
    return new String(stdin().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The terminal of this process. */
  static Terminal system() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return System.console() != null;
      }

      @Override
      public String readSecret(String prompt) {
        Console console = System.console();
        if (console == null) {
          return null;
        }
        char[] typed = console.readPassword("%s", prompt);
        return typed == null || typed.length == 0 ? null : new String(typed).strip();
      }

      @Override
      public InputStream stdin() {
        return System.in;
      }
    };
  }
}
