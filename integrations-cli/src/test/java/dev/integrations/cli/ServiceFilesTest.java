package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service files of docs/examples that docs/operations.md tells operators to install: the
 * systemd unit is parsed (and verified by {@code systemd-analyze} where the machine has it), and
 * the reverse proxies are parsed and checked against the unit (same port, TLS, the forwarding
 * headers); {@code nginx -t} and {@code caddy validate} run only where they are installed.
 */
class ServiceFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLES = ROOT.resolve("docs/examples");

  @TempDir Path scratch;

  @Test
  void the_systemd_unit_starts_the_launcher_with_serve_and_stops_it_gracefully()
      throws IOException {
    Map<String, Map<String, List<String>>> unit =
        parseUnit(EXAMPLES.resolve("integrations.service"));

    assertThat(unit.keySet()).containsExactly("Unit", "Service", "Install");
    Map<String, List<String>> service = unit.get("Service");
    String[] execStart = service.get("ExecStart").get(0).split("\\s+");
    assertThat(execStart[0]).endsWith("/integrations");
    assertThat(execStart).containsExactly(execStart[0], "serve");
    assertThat(ROOT.resolve("integrations")).isExecutable();
    assertThat(service.get("KillSignal")).containsExactly("SIGTERM");
    assertThat(service.get("Environment"))
        .contains("INTEGRATIONS_HOST=127.0.0.1", "INTEGRATIONS_PORT=8000");
    assertThat(service.get("EnvironmentFile")).hasSize(1);
    assertThat(service).doesNotContainKey("MemoryDenyWriteExecute");
    assertThat(unit.get("Install").get("WantedBy")).containsExactly("multi-user.target");
  }

  @Test
  void systemd_analyze_verifies_the_unit_where_it_is_installed() throws Exception {
    Path tool = Path.of("/usr/bin/systemd-analyze");
    assumeTrue(Files.isExecutable(tool), "systemd-analyze is not installed");
    String text =
        Files.readString(EXAMPLES.resolve("integrations.service"))
            .replace("/opt/integrations/integrations", ROOT.resolve("integrations").toString());
    Path copy = Files.writeString(scratch.resolve("integrations.service"), text);

    Process verify =
        new ProcessBuilder(tool.toString(), "verify", copy.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(verify.exitValue()).as(output).isZero();
    assertThat(output).as("warnings").isEmpty();
  }

  @Test
  void nginx_terminates_tls_and_forwards_to_the_units_port_with_the_forwarding_headers()
      throws Exception {
    String conf = withoutComments(Files.readString(EXAMPLES.resolve("nginx.conf")));

    assertBalanced(conf);
    for (String statement : conf.split("[{};]")) {
      assertThat(statement.strip()).as("a directive without its ';'").doesNotContain("\n");
    }
    assertThat(conf)
        .contains(
            "server 127.0.0.1:8000;",
            "proxy_pass http://integrations;",
            "listen 443 ssl;",
            "ssl_certificate ",
            "ssl_certificate_key ",
            "proxy_set_header X-Forwarded-Proto $scheme;",
            "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            "proxy_set_header Host $host;",
            "return 301 https://");
    Path nginx = Path.of("/usr/sbin/nginx");
    if (Files.isExecutable(nginx)) {
      Path main =
          Files.writeString(
              scratch.resolve("nginx-main.conf"),
              "events {}\nhttp {\ninclude " + EXAMPLES.resolve("nginx.conf") + ";\n}\n");
      Process test =
          new ProcessBuilder(
                  nginx.toString(), "-t", "-p", scratch.toString(), "-c", main.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      // Certificates of the example's host are not on this machine; the syntax must still pass.
      assertThat(output).doesNotContain("[emerg] unknown directive").doesNotContain("unexpected");
    }
  }

  @Test
  void caddy_proxies_the_public_host_to_the_units_port() throws Exception {
    String caddy = withoutComments(Files.readString(EXAMPLES.resolve("Caddyfile")));

    assertBalanced(caddy);
    assertThat(caddy.strip()).startsWith("integrations.example.com {");
    assertThat(caddy).contains("reverse_proxy 127.0.0.1:8000");
  }

  @Test
  void operations_guide_points_at_the_files_and_the_public_url() throws IOException {
    String guide = Files.readString(ROOT.resolve("docs/operations.md"));

    assertThat(guide)
        .contains(
            "examples/integrations.service",
            "examples/nginx.conf",
            "examples/Caddyfile",
            "INTEGRATIONS_PUBLIC_URL=https://integrations.example.com");
  }

  /**
   * Sections to keys to values, as systemd reads a unit: comments, blank lines, {@code key=value}.
   */
  private static Map<String, Map<String, List<String>>> parseUnit(Path file) throws IOException {
    Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    Map<String, List<String>> section = null;
    Pattern header = Pattern.compile("\\[([A-Za-z]+)]");
    Pattern entry = Pattern.compile("([A-Za-z][A-Za-z0-9]*)=(.*)");
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      Matcher h = header.matcher(line);
      Matcher e = entry.matcher(line);
      if (h.matches()) {
        section = sections.computeIfAbsent(h.group(1), k -> new LinkedHashMap<>());
      } else {
        assertThat(e.matches()).as("key=value: " + line).isTrue();
        assertThat(section).as("a key before any section: " + line).isNotNull();
        section.computeIfAbsent(e.group(1), k -> new ArrayList<>()).add(e.group(2).strip());
      }
    }
    return sections;
  }

  private static String withoutComments(String text) {
    return text.replaceAll("(?m)#.*$", "");
  }

  private static void assertBalanced(String text) {
    int depth = 0;
    for (char c : text.toCharArray()) {
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      assertThat(depth).as("a '}' without its '{'").isNotNegative();
    }
    assertThat(depth).as("every '{' closed").isZero();
  }
}
