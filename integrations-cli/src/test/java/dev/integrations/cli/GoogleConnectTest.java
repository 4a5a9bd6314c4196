package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code connect gmail|google_drive} through the real wiring: the loopback flow completed by a test
 * playing the browser against mock-oauth2-server, {@code --no-wait}, and a browser that never comes
 * back.
 */
class GoogleConnectTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private StandIns standIns;
  private int port;

  @BeforeEach
  void start() throws Exception {
    standIns = new StandIns();
    port = Browser.freePort();
  }

  @AfterEach
  void stop() {
    standIns.close();
  }

  private CliRunner cli() {
    return standIns.runner(data).env("INTEGRATIONS_PUBLIC_URL", "http://127.0.0.1:" + port);
  }

  @ParameterizedTest
  @CsvSource({"gmail, Gmail", "google_drive, Google Drive"})
  void connects_when_the_browser_comes_back_to_the_loopback_redirect(String type, String name)
      throws Exception {
    java.time.Instant started = java.time.Instant.now();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<CliRunner.Result> connect =
        CompletableFuture.supplyAsync(
            () -> cli().run(out, err, "connect", type, "--timeout", "1m"));

    URI consentUrl = Browser.awaitConsentUrl(err);
    assertThat(consentUrl.toString())
        .startsWith(standIns.accounts.authorizationEndpoint().toString())
        .contains("code_challenge_method=S256", "access_type=offline");
    assertThat(query(consentUrl, "redirect_uri"))
        .isEqualTo("http://127.0.0.1:" + port + "/api/integrations/callback");
    HttpResponse<String> landing = new Browser().consent(consentUrl);
    CliRunner.Result result = connect.get(60, TimeUnit.SECONDS);

    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.body()).contains(name + " connected", "You can close this window");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(name + " connected for user local.\n");
    assertThat(result.err()).contains("Open this URL in your browser to connect " + name);

    JsonNode status = find(JSON.readTree(cli().run("list", "--json").out()), type);
    assertThat(status.get("status").asText()).isEqualTo("connected");
    assertThat(status.get("requires_oauth").asBoolean()).isTrue();
    assertThat(java.time.Instant.parse(status.get("connected_at").asText()))
        .isBetween(started, java.time.Instant.now());
    assertThat(cli().run("list").out())
        .containsPattern("(?m)^" + type + " +" + name + " +connected ");
  }

  @Test
  void prints_the_result_as_json_after_the_browser_came_back() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<CliRunner.Result> connect =
        CompletableFuture.supplyAsync(
            () -> cli().run(out, err, "connect", "gmail", "--json", "-u", "ann"));

    new Browser().consent(Browser.awaitConsentUrl(err));
    CliRunner.Result result = connect.get(60, TimeUnit.SECONDS);

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("status", "success", "message", "integration_type", "account");
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(json.get("message").asText()).isEqualTo("Gmail connected successfully");
    assertThat(json.get("integration_type").asText()).isEqualTo("gmail");
    assertThat(json.get("account").isNull()).as("the account is learnt by the first test").isTrue();
    assertThat(
            find(JSON.readTree(cli().run("list", "--json", "-u", "ann").out()), "gmail")
                .get("status")
                .asText())
        .isEqualTo("connected");
    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "gmail").get("status").asText())
        .isEqualTo("disconnected");
  }

  @Test
  void a_browser_that_refused_consent_is_reported_and_nothing_is_connected() throws Exception {
    StringWriter err = new StringWriter();
    CompletableFuture<CliRunner.Result> connect =
        CompletableFuture.supplyAsync(() -> cli().run(new StringWriter(), err, "connect", "gmail"));

    URI consentUrl = Browser.awaitConsentUrl(err);
    String state = query(consentUrl, "state");
    HttpResponse<String> landing =
        new Browser()
            .get(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/api/integrations/callback?error=access_denied&state="
                        + state));
    CliRunner.Result result = connect.get(60, TimeUnit.SECONDS);

    assertThat(landing.statusCode()).isEqualTo(400);
    assertThat(landing.body()).contains("Gmail was not connected");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
        .singleElement()
        .asString()
        .endsWith("(access_denied)");
    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "gmail").get("status").asText())
        .isEqualTo("disconnected");
  }

  @Test
  void with_port_zero_receives_the_browser_on_a_free_loopback_port_of_its_own() throws Exception {
    StringWriter err = new StringWriter();
    CompletableFuture<CliRunner.Result> connect =
        CompletableFuture.supplyAsync(
            () -> cli().run(new StringWriter(), err, "connect", "gmail", "--port", "0"));

    URI consentUrl = Browser.awaitConsentUrl(err);
    URI redirectUri = URI.create(query(consentUrl, "redirect_uri"));
    assertThat(redirectUri.getHost()).isEqualTo("127.0.0.1");
    assertThat(redirectUri.getPort()).isPositive().isNotEqualTo(port);
    assertThat(redirectUri.getPath()).isEqualTo("/callback");
    assertThat(err.toString()).contains("come back to " + redirectUri);
    new Browser().consent(consentUrl);
    CliRunner.Result result = connect.get(60, TimeUnit.SECONDS);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "gmail").get("status").asText())
        .isEqualTo("connected");
  }

  @Test
  void a_redirect_of_another_connect_is_refused_and_the_wait_goes_on() throws Exception {
    StringWriter err = new StringWriter();
    CompletableFuture<CliRunner.Result> connect =
        CompletableFuture.supplyAsync(() -> cli().run(new StringWriter(), err, "connect", "gmail"));

    URI consentUrl = Browser.awaitConsentUrl(err);
    HttpResponse<String> stale =
        new Browser()
            .get(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/api/integrations/callback?code=old&state=an-earlier-state"));
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).contains("Unknown authorization");
    assertThat(connect).isNotDone();

    new Browser().consent(consentUrl);
    assertThat(connect.get(60, TimeUnit.SECONDS).exitCode()).isZero();
  }

  @Test
  void no_wait_prints_the_consent_url_and_state_only() throws Exception {
    CliRunner.Result human = cli().run("connect", "google_drive", "--no-wait");

    assertThat(human.exitCode()).isZero();
    assertThat(human.err()).isEmpty();
    assertThat(human.out())
        .startsWith("Open this URL in a browser to connect Google Drive:\n")
        .contains("  " + standIns.accounts.authorizationEndpoint())
        .containsPattern("(?m)^state: \\S+$");

    CliRunner.Result json = cli().run("connect", "gmail", "--no-wait", "--json");
    assertThat(json.exitCode()).isZero();
    JsonNode answer = JSON.readTree(json.out());
    assertThat(answer.fieldNames())
        .toIterable()
        .containsExactly("status", "oauth_url", "state", "message", "expires_at", "completion");
    assertThat(answer.get("message").asText()).isEqualTo("Please authorize the application");
    assertThat(query(URI.create(answer.get("oauth_url").asText()), "state"))
        .isEqualTo(answer.get("state").asText());
    assertThat(answer.get("completion").asText()).isEqualTo("api");
    assertThat(human.out())
        .contains("The browser returns to http://127.0.0.1:" + port + "/api/integrations/callback");
    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "gmail").get("status").asText())
        .isEqualTo("disconnected");
  }

  @Test
  void gives_up_when_the_browser_does_not_come_back_in_time() throws Exception {
    CliRunner.Result result = cli().run("connect", "gmail", "--timeout", "1s");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("Waiting up to 1s")
        .endsWith(
            "error: The browser did not come back within 1s; run connect again (authorization_timeout)\n");
    assertThat(
            find(JSON.readTree(cli().run("list", "--json").out()), "gmail").get("status").asText())
        .isEqualTo("disconnected");
  }

  @Test
  void a_bot_token_for_an_oauth_integration_is_a_usage_error() {
    CliRunner.Result result = cli().run("connect", "gmail", "--bot-token", StandIns.BOT_TOKEN);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: --bot-token is for bot-token integrations")
        .endsWith("(usage)\n");
  }

  static String query(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(
            pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(name + " not in " + uri);
  }

  static JsonNode find(JsonNode list, String type) {
    for (JsonNode entry : list) {
      if (entry.get("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError(type + " not in " + list);
  }
}
