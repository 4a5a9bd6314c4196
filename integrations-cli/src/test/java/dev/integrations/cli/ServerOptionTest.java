package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.http.HttpServer;
import dev.integrations.testing.ServerEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --server URL} with a token, as {@code gh} or {@code kubectl} do: the server runs through
 * the real composition root; the CLI runs on another "machine" (its own data directory, without the
 * server's secret). Its {@code --json} is the HTTP API's answer, field for field, and the same as
 * local mode's; its exit codes and error lines are local mode's.
 */
class ServerOptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z");

  @TempDir Path elsewhere;
  @TempDir Path local;
  private StandIns standIns;
  private ServerEnvironment environment;
  private Wiring wiring;
  private HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    standIns = new StandIns();
    environment = ServerEnvironment.create("cli-server-option-", 0);
    Map<String, String> env = environment.env();
    env.putAll(standIns.env());
    wiring = Wiring.start(Settings.from(ConfigSource.of(env)));
    server = HttpServer.start(wiring);
  }

  @AfterEach
  void stop() {
    server.stop();
    wiring.close();
    standIns.close();
  }

  /** The CLI on a machine without the server's secret, pointed at it by INTEGRATIONS_SERVER_URL. */
  private CliRunner remote() {
    return new CliRunner(elsewhere)
        .without("INTEGRATIONS_JWT_SECRET")
        .env("INTEGRATIONS_SERVER_URL", server.url().toString());
  }

  /** The CLI acting for {@code user} with a token the server's operator handed out. */
  private CliRunner.Result remote(String user, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--token", environment.token(user)));
    return remote().run(all.toArray(String[]::new));
  }

  /** The CLI on its own database, for {@code user}. */
  private CliRunner.Result local(String user, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-u", user));
    return standIns.runner(local).run(all.toArray(String[]::new));
  }

  private JsonNode api(String method, String path, String user, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.url().resolve(path.substring(1)))
            .header("Authorization", "Bearer " + environment.token(user))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode entry(JsonNode list, String type) {
    for (JsonNode entry : list) {
      if (entry.path("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no " + type + " in " + list);
  }

  /** {@code json} with every instant (connected_at, last_use...) replaced by the same word. */
  private static JsonNode withoutInstants(JsonNode json) {
    JsonNode copy = json.deepCopy();
    blankInstants(copy);
    return copy;
  }

  private static void blankInstants(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual() && INSTANT.matcher(value.asText()).matches()) {
          object.put(name, "<instant>");
        } else {
          blankInstants(value);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(ServerOptionTest::blankInstants);
    }
  }

  private static JsonNode json(CliRunner.Result result) throws IOException {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return JSON.readTree(result.out());
  }

  @Test
  void json_is_the_api_answer_field_for_field_in_both_modes() throws Exception {
    JsonNode list = api("GET", "/api/integrations", "ann", null);
    assertThat(json(remote("ann", "list", "--json"))).isEqualTo(list);
    assertThat(json(local("ann", "list", "--json"))).isEqualTo(list);

    String connect =
        "{\"integration_type\":\"telegram\",\"bot_token\":\"" + StandIns.BOT_TOKEN + "\"}";
    JsonNode connected = api("POST", "/api/integrations/connect", "bob", connect);
    assertThat(connected.get("account").get("display_name").asText()).isEqualTo("@alerts_bot");
    assertThat(
            json(remote("ann", "connect", "telegram", "--bot-token", StandIns.BOT_TOKEN, "--json")))
        .isEqualTo(connected);
    assertThat(
            json(local("ann", "connect", "telegram", "--bot-token", StandIns.BOT_TOKEN, "--json")))
        .isEqualTo(connected);

    JsonNode tested = api("POST", "/api/integrations/test?integration_type=telegram", "bob", null);
    assertThat(json(remote("ann", "test", "telegram", "--json"))).isEqualTo(tested);
    assertThat(json(local("ann", "test", "telegram", "--json"))).isEqualTo(tested);

    assertThat(json(remote("ann", "list", "--json")))
        .isEqualTo(api("GET", "/api/integrations", "ann", null));

    JsonNode disconnected =
        api("POST", "/api/integrations/disconnect?integration_type=telegram", "bob", null);
    assertThat(json(remote("ann", "disconnect", "telegram", "--json"))).isEqualTo(disconnected);
    assertThat(json(local("ann", "disconnect", "telegram", "--json"))).isEqualTo(disconnected);
  }

  @Test
  void status_json_is_the_list_entry_and_the_usage_answer_in_both_modes() throws Exception {
    for (boolean remote : new boolean[] {true, false}) {
      String[] connect = {"connect", "telegram", "--bot-token", StandIns.BOT_TOKEN};
      assertThat((remote ? remote("ann", connect) : local("ann", connect)).exitCode()).isZero();
      assertThat(
              (remote ? remote("ann", "test", "telegram") : local("ann", "test", "telegram"))
                  .exitCode())
          .isZero();
    }
    ObjectNode expected =
        (ObjectNode) entry(api("GET", "/api/integrations", "ann", null), "telegram");
    expected.set("usage", api("GET", "/api/integrations/telegram/usage", "ann", null));

    JsonNode remote = json(remote("ann", "status", "telegram", "--json"));
    JsonNode local = json(local("ann", "status", "telegram", "--json"));

    assertThat(remote).isEqualTo(expected);
    assertThat(remote.path("usage").path("actions").get(0).path("action").asText())
        .isEqualTo("test");
    assertThat(withoutInstants(local))
        .as("the same, but for when things happened")
        .isEqualTo(withoutInstants(remote));
  }

  @Test
  void database_commands_refuse_a_server_in_one_sentence_without_needing_a_token() {
    String sentence =
        "error: 'integrations %s' works on the database, not through the server at "
            + server.url()
            + ": run it where the database is, without --server or INTEGRATIONS_SERVER_URL (local_only)\n";

    CliRunner.Result keys = remote().run("keys", "status");
    CliRunner.Result purge =
        new CliRunner(elsewhere).run("users", "purge", "ann", "--server", server.url().toString());
    CliRunner.Result webhooks = remote().run("webhooks", "list");

    assertThat(keys.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(keys.err()).isEqualTo(sentence.formatted("keys status"));
    assertThat(purge.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(purge.err()).isEqualTo(sentence.formatted("users purge"));
    assertThat(webhooks.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(webhooks.err()).isEqualTo(sentence.formatted("webhooks list"));
  }

  @Test
  void human_output_through_the_server_is_local_mode_output() {
    CliRunner.Result remote =
        remote("ann", "connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);
    CliRunner.Result local = local("ann", "connect", "telegram", "--bot-token", StandIns.BOT_TOKEN);
    assertThat(remote.out())
        .isEqualTo(local.out())
        .isEqualTo("Telegram connected for user ann as @alerts_bot.\n");

    assertThat(remote("ann", "disconnect", "telegram").out())
        .isEqualTo(local("ann", "disconnect", "telegram").out());
  }

  @Test
  void failures_exit_with_the_same_code_and_line_as_in_local_mode() {
    List<String[]> failures =
        List.of(
            new String[] {"test", "gmail"},
            new String[] {"disconnect", "telegram"},
            new String[] {"drive", "list"},
            new String[] {"test", "gmial"},
            new String[] {"connect", "telegram", "--bot-token", "123:not-the-bot"},
            new String[] {"connect", "telegram"},
            new String[] {"gmail", "list", "-n", "0"},
            new String[] {"telegram", "send", "-c", "42", "-t", ""});
    for (String[] args : failures) {
      CliRunner.Result remote = remote("ann", args);
      CliRunner.Result local = local("ann", args);
      assertThat(remote.exitCode())
          .as(String.join(" ", args) + ": " + local.err())
          .isEqualTo(local.exitCode())
          .isNotZero();
      assertThat(remote.err()).as(String.join(" ", args)).isEqualTo(local.err());
      assertThat(remote.out()).isEqualTo(local.out()).isEmpty();
    }
  }

  @Test
  void without_a_token_or_the_secret_the_server_cannot_be_used() {
    CliRunner.Result result = remote().run("list");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_CONFIGURED);
    assertThat(result.err())
        .startsWith(
            "error: Acting through the server at " + server.url() + " needs a token: --token")
        .endsWith("(token_required)\n");
  }

  @Test
  void with_the_secret_a_short_lived_token_is_minted_for_the_user() throws Exception {
    CliRunner withSecret = remote().env("INTEGRATIONS_JWT_SECRET", environment.jwtSecret);

    CliRunner.Result connected =
        withSecret.run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN, "--user", "carol");

    assertThat(connected.exitCode()).as(connected.err()).isZero();
    JsonNode carol = api("GET", "/api/integrations", "carol", null);
    assertThat(carol.findValues("status").stream().map(JsonNode::asText)).contains("connected");
    assertThat(json(withSecret.run("list", "--json", "--user", "carol"))).isEqualTo(carol);
  }

  @Test
  void a_token_of_another_user_a_bad_token_or_no_server_fail_clearly() throws Exception {
    CliRunner.Result mismatch = remote("ann", "list", "--user", "bob");
    assertThat(mismatch.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(mismatch.err())
        .isEqualTo(
            "error: --user bob does not match the token, which is user ann's; "
                + "drop --user or use that user's token (user_mismatch)\n");

    String forged = ServerEnvironment.create("cli-other-", 0).token("ann");
    CliRunner.Result refused = remote().run("list", "--token", forged);
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err()).startsWith("error: ").endsWith("(unauthorized)\n");

    URI nobody = URI.create("http://127.0.0.1:" + Browser.freePort());
    CliRunner.Result unreachable =
        remote().run("list", "--server", nobody.toString(), "--token", environment.token("ann"));
    assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(unreachable.err())
        .startsWith("error: Cannot reach the server at " + nobody + "/")
        .endsWith("(server_unreachable)\n");
  }
}
