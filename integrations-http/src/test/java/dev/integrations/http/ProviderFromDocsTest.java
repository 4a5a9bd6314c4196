package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.integrations.testing.providers.AcmeStandIn;
import dev.integrations.testing.providers.CatalogStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Add a provider" guide (docs/providers.md) as written: its {@code acme} entry, loaded through
 * {@code INTEGRATIONS_PROVIDERS_FILE} with no code and only its two hosts pointed at a local
 * stand-in, is connected, tested, proxied and disconnected through the real server; its Slack
 * example is the bundled entry.
 */
class ProviderFromDocsTest {
  static final Path GUIDE = Path.of("..", "docs", "providers.md");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static AcmeStandIn acme;
  static Path catalogFile;
  static TestServer server;
  static ProviderFlows flows;

  @BeforeAll
  static void start() throws IOException {
    acme = new AcmeStandIn("acme-test-client", CatalogProvidersThroughServerTest.REDIRECT);
    String example =
        block("acme:")
            .replace("https://auth.acme.example", acme.url())
            .replace("https://api.acme.example", acme.url() + "/api");
    catalogFile = Files.createTempFile("providers-", ".yaml");
    var env = CatalogStandIn.settings(catalogFile, example);
    env.putAll(acme.env());
    env.put(
        "INTEGRATIONS_PUBLIC_URL",
        StandIns.PUBLIC_URL); // the redirect URI registered at the stand-in
    server = TestServer.start(env);
    flows = new ProviderFlows(server);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    acme.close();
    Files.deleteIfExists(catalogFile);
  }

  @Test
  void the_guides_provider_connects_tests_proxies_and_revokes_with_no_code() {
    String jwt = flows.connect("ann", "acme", acme);
    assertThat(acme.callsTo("/oauth/authorize").get(0).getUrl().queryParameter("scope"))
        .isEqualTo("projects:read profile");
    assertThat(acme.callsTo("/oauth/token").get(0).getHeaders().get("Authorization"))
        .startsWith("Basic ");

    flows.assertTested(jwt, "acme", "Connected to Acme as ann.");

    HttpResponse<String> projects = flows.proxy(jwt, "GET", "acme", "projects", null, null);
    assertThat(projects.statusCode()).isEqualTo(200);
    assertThat(Json.parse(projects.body()).get(0).path("name").asText()).isEqualTo("Rocket");

    String token =
        acme.callsTo("/api/v1/projects")
            .get(0)
            .getHeaders()
            .get("Authorization")
            .substring("Bearer ".length());
    JsonNode revocation = flows.disconnect(jwt, "acme");
    assertThat(revocation.path("revoked").asBoolean()).isTrue();
    assertThat(acme.isLive(token)).isFalse();
  }

  @Test
  void the_guide_lists_the_provider_as_its_example_says() {
    JsonNode entry = null;
    for (JsonNode listed :
        Json.parse(server.get("/api/integrations", server.token("bob")).body())) {
      if (listed.path("type").asText().equals("acme")) {
        entry = listed;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.path("name").asText()).isEqualTo("Acme");
    assertThat(entry.path("icon").asText()).isEqualTo("rocket");
    assertThat(entry.path("configured").asBoolean()).isTrue();
  }

  @Test
  void the_guides_slack_example_is_the_bundled_entry() throws IOException {
    JsonNode documented = YAML.readTree(block("slack:")).path("slack");
    JsonNode bundled;
    try (InputStream in =
        getClass().getResourceAsStream("/dev/integrations/providers/catalog/providers.yaml")) {
      bundled = YAML.readTree(in).path("slack");
    }
    assertThat(documented).isEqualTo(bundled);
  }

  /** The guide's first YAML block that starts with {@code firstLine}. */
  static String block(String firstLine) throws IOException {
    Matcher blocks = YAML_BLOCK.matcher(Files.readString(GUIDE));
    List<String> found =
        blocks.results().map(m -> m.group(1)).filter(b -> b.startsWith(firstLine)).toList();
    assertThat(found)
        .as("a ```yaml block starting with " + firstLine + " in " + GUIDE)
        .isNotEmpty();
    return found.get(0);
  }
}
