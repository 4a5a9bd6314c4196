package dev.integrations.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.integrations.bootstrap.presentation.JsonMapping;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command's result goes: standard output, as JSON under {@code --json}, as lines and
 * aligned tables otherwise. Notes for the person at the terminal (what to open, what is awaited) go
 * to standard error, so that standard output holds only the result.
 */
final class Output {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;

  private Output(PrintWriter out, PrintWriter err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  static Output of(CommandSpec spec, CommonOptions options) {
    return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), options.json);
  }

  static Output of(CommandSpec spec, OperatorOptions options) {
    return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), options.json);
  }

  boolean json() {
    return json;
  }

  /** Prints {@code data} as JSON under {@code --json}, otherwise runs {@code human}. */
  void result(Object data, Runnable human) {
    if (json) {
      printJson(data);
    } else {
      human.run();
    }
    out.flush();
  }

  /** A line of the human-readable result. */
  void line(String text) {
    out.println(text);
    out.flush();
  }

  /** A table of the human-readable result. */
  void table(Table table) {
    table.print(out);
    out.flush();
  }

  /** A note for the person at the terminal, on standard error. */
  void note(String text) {
    err.println(text);
    err.flush();
  }

  PrintWriter err() {
    return err;
  }

  private void printJson(Object data) {
    try {
      out.println(Mapper.INSTANCE.writeValueAsString(data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a result cannot be written as JSON", e);
    }
  }

  /** The HTTP API's JSON configuration, indented; created on first use. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE =
        new JsonMapping().mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
