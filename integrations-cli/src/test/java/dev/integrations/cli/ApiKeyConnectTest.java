package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.testing.providers.CatalogStandIn;
import dev.integrations.testing.providers.WhatsAppStandIn;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integrations connect whatsapp --api-key KEY --config phone_number_id=ID}: an API-key
 * provider (the WhatsApp Business stand-in, the catalog pointed at it), on the database and through
 * a server running the real composition root, with the same answer, line and exit code in both
 * modes.
 */
class ApiKeyConnectTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PHONE = "phone_number_id=" + WhatsAppStandIn.PHONE_NUMBER_ID;

  @TempDir Path local;
  @TempDir Path served;
  @TempDir Path elsewhere;
  private WhatsAppStandIn whatsapp;
  private Map<String, String> catalog;
  private InProcessServer server;

  @BeforeEach
  void start() throws Exception {
    whatsapp = new WhatsAppStandIn();
    catalog =
        CatalogStandIn.settings(Files.createTempFile(local, "providers-", ".yaml"), "", whatsapp);
    server = new InProcessServer(served, catalog);
  }

  @AfterEach
  void stop() {
    server.close();
    whatsapp.close();
  }

  /** The CLI on its own database. */
  private CliRunner onDatabase() {
    CliRunner runner = new CliRunner(local);
    catalog.forEach(runner::env);
    return runner;
  }

  /**
   * The CLI on another machine, acting through the server (it mints tokens with the server's
   * secret).
   */
  private CliRunner throughServer() {
    return new CliRunner(elsewhere).env("INTEGRATIONS_SERVER_URL", server.uri("/").toString());
  }

  @Test
  void connects_with_an_api_key_and_its_phone_number_id_in_both_modes() throws Exception {
    for (CliRunner cli : new CliRunner[] {onDatabase(), throughServer()}) {
      CliRunner.Result connected =
          cli.run(
              "connect",
              "whatsapp",
              "--api-key",
              WhatsAppStandIn.ACCESS_TOKEN,
              "--config",
              PHONE,
              "-u",
              "ann");

      assertThat(connected.exitCode()).as(connected.err()).isZero();
      assertThat(connected.out())
          .isEqualTo(
              "WhatsApp Business connected for user ann as "
                  + WhatsAppStandIn.DISPLAY_PHONE_NUMBER
                  + ".\n");
      assertThat(cli.run("list", "-u", "ann").out())
          .containsPattern("(?m)^whatsapp +WhatsApp Business +connected ");
    }
    assertThat(server.get("/api/integrations", "ann").body()).contains("\"type\":\"whatsapp\"");
    HttpResponse<String> list = server.get("/api/integrations", "ann");
    assertThat(entry(JSON.readTree(list.body()), "whatsapp").path("status").asText())
        .isEqualTo("connected");
  }

  @Test
  void json_is_the_api_answer_in_both_modes() throws Exception {
    HttpResponse<String> answer =
        server.post(
            "/api/integrations/connect",
            "bob",
            "{\"integration_type\":\"whatsapp\","
                + "\"api_key\":\""
                + WhatsAppStandIn.ACCESS_TOKEN
                + "\",\"config\":{\"phone_number_id\":\""
                + WhatsAppStandIn.PHONE_NUMBER_ID
                + "\"}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode api = JSON.readTree(answer.body());
    assertThat(api.path("message").asText()).isEqualTo("WhatsApp Business connected successfully");

    for (CliRunner cli : new CliRunner[] {onDatabase(), throughServer()}) {
      CliRunner.Result connected =
          cli.run(
              "connect",
              "whatsapp",
              "--api-key",
              WhatsAppStandIn.ACCESS_TOKEN,
              "--config",
              PHONE,
              "-u",
              "bob",
              "--json");
      assertThat(connected.exitCode()).as(connected.err()).isZero();
      assertThat(JSON.readTree(connected.out())).isEqualTo(api);
    }
  }

  @Test
  void the_key_is_prompted_for_without_echo_when_given_without_a_value() {
    for (CliRunner cli : new CliRunner[] {onDatabase(), throughServer()}) {
      CliRunner.Result connected =
          cli.atTerminal(WhatsAppStandIn.ACCESS_TOKEN)
              .run("connect", "whatsapp", "--api-key", "--config", PHONE, "-u", "carol");

      assertThat(connected.exitCode()).as(connected.err()).isZero();
      assertThat(connected.out()).startsWith("WhatsApp Business connected for user carol as ");
      assertThat(connected.out() + connected.err()).doesNotContain(WhatsAppStandIn.ACCESS_TOKEN);
    }
  }

  @Test
  void
      without_the_phone_number_id_or_with_a_wrong_key_nothing_is_stored_and_both_modes_fail_alike() {
    String[][] failures = {
      {"connect", "whatsapp", "--api-key", WhatsAppStandIn.ACCESS_TOKEN, "-u", "dan"},
      {"connect", "whatsapp", "--api-key", "EAAnot-the-key", "--config", PHONE, "-u", "dan"},
      {
        "connect",
        "whatsapp",
        "--api-key",
        WhatsAppStandIn.ACCESS_TOKEN,
        "--config",
        "phone_number_id=999",
        "-u",
        "dan"
      }
    };
    for (String[] args : failures) {
      CliRunner.Result local = onDatabase().run(args);
      CliRunner.Result remote = throughServer().run(args);

      assertThat(local.exitCode())
          .as(String.join(" ", args) + ": " + local.err())
          .isNotZero()
          .isEqualTo(remote.exitCode());
      assertThat(remote.err()).as(String.join(" ", args)).isEqualTo(local.err());
      assertThat(local.err()).doesNotContain(WhatsAppStandIn.ACCESS_TOKEN);
    }
    assertThat(onDatabase().run("list", "-u", "dan").out())
        .containsPattern("(?m)^whatsapp +WhatsApp Business +disconnected");
    assertThat(throughServer().run("list", "-u", "dan").out())
        .containsPattern("(?m)^whatsapp +WhatsApp Business +disconnected");
  }

  private static JsonNode entry(JsonNode list, String type) {
    for (JsonNode entry : list) {
      if (entry.path("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no " + type + " in " + list);
  }
}
