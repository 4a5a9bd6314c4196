package dev.integrations.cli;

import dev.integrations.testing.Prerequisites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Node.js tools the tests check our server with, from implementations independent of ours: the npm
 * {@code standardwebhooks} package (a webhook receiver that verifies signatures) and {@code
 * parse-prometheus-text-format} (a Prometheus text parser). Installed once per build by npm into
 * {@code target/node-tools}, at the versions of {@code node/package.json}. Where node or npm cannot
 * provide them the test ends under the {@link Prerequisites} rule: a failure when CI=true.
 */
final class NodeTools {
  private static final Path HOME = Path.of("target", "node-tools").toAbsolutePath();
  private static final String[] FILES = {"package.json", "receiver.js", "parse-metrics.js"};

  private NodeTools() {}

  /** The directory holding the scripts and their {@code node_modules}, installed on first use. */
  static synchronized Path home() {
    try {
      Files.createDirectories(HOME);
      for (String file : FILES) {
        try (InputStream in = NodeTools.class.getResourceAsStream("/node/" + file)) {
          Files.copy(in, HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (!Files.isDirectory(HOME.resolve("node_modules/standardwebhooks"))
          || !Files.isDirectory(HOME.resolve("node_modules/parse-prometheus-text-format"))) {
        Process npm =
            new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(HOME.resolve("npm-install.log").toFile())
                .start();
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
          npm.destroyForcibly();
          throw Prerequisites.missing(
              "npm could not install standardwebhooks and parse-prometheus-text-format"
                  + " into "
                  + HOME
                  + " (see npm-install.log there); Node.js 20 with npm and the npm registry are needed");
        }
      }
      return HOME;
    } catch (IOException e) {
      throw Prerequisites.missing(
          "Node.js 20 with npm is needed to run " + HOME + "'s tools: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts {@code node script} in {@link #home()}, with {@code env} added. */
  static Process node(String script, Map<String, String> env) throws IOException {
    Path home = home();
    ProcessBuilder builder =
        new ProcessBuilder(List.of("node", home.resolve(script).toString()))
            .directory(home.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("NODE_PATH", home.resolve("node_modules").toString());
    builder.environment().putAll(env);
    return builder.start();
  }

  /**
   * {@code text} parsed as Prometheus text format by parse-prometheus-text-format, as its JSON: a
   * list of metric families {@code {name, help, type, metrics: [{labels, value | buckets...}]}}.
   *
   * @throws AssertionError when the text does not parse
   */
  static String parsePrometheus(String text) throws IOException, InterruptedException {
    Process parser = node("parse-metrics.js", Map.of());
    try (var in = parser.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String json = new String(parser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!parser.waitFor(60, TimeUnit.SECONDS) || parser.exitValue() != 0) {
      throw new AssertionError("The Prometheus text does not parse (see standard error above)");
    }
    return json;
  }
}
