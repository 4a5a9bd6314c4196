package dev.integrations.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the CLI in-process the way {@link Main} does, against the real wiring with a configuration
 * of the test's making (a temporary data dir, local stand-ins for the providers), and captures what
 * it prints. Each run starts and closes its own wiring, like a separate process.
 */
final class CliRunner {
  /** The outcome of one run. */
  record Result(int exitCode, String out, String err) {}

  private final Map<String, String> environment = new HashMap<>();
  private boolean interactive;
  private String typedSecret;
  private String stdin = "";
  private InputStream stdinStream;

  CliRunner(Path dataDir) {
    environment.put("INTEGRATIONS_DATA_DIR", dataDir.toString());
    environment.put("INTEGRATIONS_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    environment.put("INTEGRATIONS_JWT_SECRET", "test-jwt-secret-0123456789abcdef0123");
  }

  CliRunner env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  /** Pretends a person is at a terminal who types {@code secret} when asked for one. */
  CliRunner atTerminal(String secret) {
    this.interactive = true;
    this.typedSecret = secret;
    return this;
  }

  CliRunner stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Standard input read from {@code in}, for a test that types into it while the command runs. */
  CliRunner stdin(InputStream in) {
    this.stdinStream = in;
    return this;
  }

  /** The settings this runner gives the command (a copy). */
  Map<String, String> environment() {
    return new HashMap<>(environment);
  }

  /** Leaves {@code key} unset, as on a machine that does not have it. */
  CliRunner without(String key) {
    environment.remove(key);
    return this;
  }

  Result run(String... args) {
    return run(new StringWriter(), args);
  }

  /** Runs with {@code out} as standard output, for a test that reads it while the command runs. */
  Result run(StringWriter out, String... args) {
    return run(out, new StringWriter(), args);
  }

  /**
   * Runs with the given standard output and error, for a test that reads them while the command
   * runs.
   */
  Result run(StringWriter out, StringWriter err, String... args) {
    int code;
    try (CliContext context = new CliContext(environment, terminal())) {
      CommandLine commandLine = Main.commandLine(context);
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      code = commandLine.execute(args);
    }
    return new Result(code, out.toString(), err.toString());
  }

  private Terminal terminal() {
    boolean atTerminal = interactive;
    String secret = typedSecret;
    byte[] input = stdin.getBytes(StandardCharsets.UTF_8);
    InputStream stream = stdinStream;
    return new Terminal() {
      @Override
      public boolean interactive() {
        return atTerminal;
      }

      @Override
      public String readSecret(String prompt) {
        return secret;
      }

      @Override
      public InputStream stdin() {
        return stream != null ? stream : new ByteArrayInputStream(input);
      }
    };
  }
}
