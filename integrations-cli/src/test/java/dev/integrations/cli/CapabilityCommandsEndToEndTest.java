package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.bootstrap.ConfigSource;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.testing.providers.CatalogStandIn;
import dev.integrations.testing.providers.DiscordStandIn;
import dev.integrations.testing.providers.DropboxStandIn;
import dev.integrations.testing.providers.MicrosoftStandIn;
import dev.integrations.testing.providers.OAuthStandIn;
import dev.integrations.testing.providers.SlackStandIn;
import dev.integrations.testing.providers.StoredFile;
import dev.integrations.testing.providers.TeamsGraph;
import dev.integrations.testing.providers.WhatsAppStandIn;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code message send --via slack}, {@code mail send|list --via outlook}, {@code files upload --via
 * dropbox} and {@code files list --via onedrive} end to end: each command through the real
 * composition root (a wiring of its own per run, like a separate process) against the providers'
 * stand-ins over real sockets, asserting what the person at the terminal reads (text and {@code
 * --json}) and what the provider received. The OAuth connections are seeded through the library on
 * the same data directory (the code exchange against the stand-in, as the server's callback does),
 * since the CLI's own connect flow is covered elsewhere.
 */
class CapabilityCommandsEndToEndTest {
  static final String PUBLIC_URL = "http://127.0.0.1:8000";
  static final URI REDIRECT = URI.create(PUBLIC_URL + "/api/integrations/callback");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  @TempDir static Path files;
  static SlackStandIn slack;
  static MicrosoftStandIn microsoft;
  static DropboxStandIn dropbox;
  static DiscordStandIn discord;
  static WhatsAppStandIn whatsapp;
  static Map<String, String> env;

  @BeforeAll
  static void start() {
    slack = new SlackStandIn("slack-cli-client", REDIRECT);
    microsoft = new MicrosoftStandIn("microsoft-cli-client", REDIRECT, "common");
    dropbox = new DropboxStandIn("dropbox-cli-client", REDIRECT);
    discord = new DiscordStandIn();
    whatsapp = new WhatsAppStandIn();
    env =
        CatalogStandIn.settings(
            files.resolve("providers.yaml"), "", slack, microsoft, dropbox, discord, whatsapp);
  }

  @AfterAll
  static void stop() {
    slack.close();
    microsoft.close();
    dropbox.close();
    discord.close();
    whatsapp.close();
  }

  private static CliRunner cli() {
    CliRunner runner = new CliRunner(data).env("INTEGRATIONS_PUBLIC_URL", PUBLIC_URL);
    env.forEach(runner::env);
    return runner;
  }

  /**
   * Connects {@code user} to {@code type} through the library on the CLI's data directory: consent,
   * then the code exchange.
   */
  private static void connect(String user, String type, OAuthStandIn standIn) {
    try (Wiring wiring = Wiring.start(Settings.from(ConfigSource.of(cli().environment())))) {
      UserId id = UserId.of(user);
      ConnectResult.AuthorizationPending pending =
          (ConnectResult.AuthorizationPending)
              wiring
                  .integrations()
                  .connections()
                  .connect(ConnectCommand.oauth(id, IntegrationType.of(type)));
      HttpUrl back = HttpUrl.get(standIn.consent(pending.authorizationUrl(), user));
      wiring
          .integrations()
          .connections()
          .completeAuthorization(
              new AuthorizationCallback(
                  back.queryParameter("state"), back.queryParameter("code"), null, id));
    }
  }

  @Test
  void message_send_via_slack_posts_once_and_prints_slacks_ts() {
    connect("cli-slack", "slack", slack);
    int delivered = slack.messages.delivered().size();

    CliRunner.Result sent =
        cli()
            .run(
                "message",
                "send",
                "--via",
                "slack",
                "--user",
                "cli-slack",
                "--chat",
                "C0123ABCD",
                "--text",
                "Deploy finished ✅");
    CliRunner.Result json =
        cli()
            .run(
                "message",
                "send",
                "--via",
                "slack",
                "-u",
                "cli-slack",
                "-c",
                "C0123ABCD",
                "-t",
                "again",
                "--json");

    assertThat(sent.exitCode()).as(sent.err()).isZero();
    assertThat(sent.out()).isEqualTo("Sent message 1700000000.000100 to chat C0123ABCD.\n");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(parse(json.out()).path("message_id").asText()).isEqualTo("1700000000.000100");
    assertThat(parse(json.out()).path("message_id").isTextual()).isTrue();
    List<String> all = slack.messages.delivered();
    assertThat(all.subList(delivered, all.size())).containsExactly("Deploy finished ✅", "again");
  }

  @Test
  void message_send_via_slack_failing_with_a_5xx_is_one_line_exit_5_and_not_repeated() {
    connect("cli-slack-outage", "slack", slack);
    int attempts = slack.messages.attempts().size();
    slack.failNextPost(503);

    CliRunner.Result failed =
        cli()
            .run(
                "message",
                "send",
                "--via",
                "slack",
                "-u",
                "cli-slack-outage",
                "-c",
                "C0123ABCD",
                "-t",
                "maybe posted");

    assertThat(failed.exitCode()).isEqualTo(ExitCodes.PROVIDER_FAILURE);
    assertThat(failed.out()).isEmpty();
    assertThat(failed.err()).contains("not sent again").endsWith("(provider_unavailable)\n");
    assertThat(failed.err().lines()).hasSize(1);
    List<String> all = slack.messages.attempts();
    assertThat(all.subList(attempts, all.size())).containsExactly("maybe posted");
  }

  @Test
  void mail_send_via_outlook_sends_once_through_graph() {
    connect("cli-mail", "outlook", microsoft);

    CliRunner.Result sent =
        cli()
            .run(
                "mail",
                "send",
                "--via",
                "outlook",
                "-u",
                "cli-mail",
                "--to",
                "zoe@contoso.com",
                "-s",
                "Grüße aus Köln",
                "-b",
                "Bis später.");

    assertThat(sent.exitCode()).as(sent.err()).isZero();
    // Graph's sendMail answers 202 without an id: the line must not claim a message "null".
    assertThat(sent.out()).isEqualTo("Sent the message to zoe@contoso.com.\n");
    List<JsonNode> received = microsoft.sentMail("cli-mail");
    assertThat(received).hasSize(1);
    assertThat(received.get(0).path("subject").asText()).isEqualTo("Grüße aus Köln");
    assertThat(received.get(0).path("body").path("content").asText()).isEqualTo("Bis später.");
    assertThat(
            received
                .get(0)
                .path("toRecipients")
                .get(0)
                .path("emailAddress")
                .path("address")
                .asText())
        .isEqualTo("zoe@contoso.com");
  }

  @Test
  void mail_list_via_outlook_prints_the_search_results_and_their_json() {
    connect("cli-inbox", "outlook", microsoft);

    CliRunner.Result listed =
        cli().run("mail", "list", "--via", "outlook", "-u", "cli-inbox", "-q", "report");
    CliRunner.Result json =
        cli().run("mail", "list", "--via", "outlook", "-u", "cli-inbox", "--json");

    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out().lines().toList()).hasSize(2);
    assertThat(listed.out())
        .contains("Ann Example <ann@contoso.com>", "Quarterly report", "AAMkAGI2TG93AAA=")
        .doesNotContain("Invoice 42");
    assertThat(microsoft.callsTo("/v1.0/me/messages"))
        .extracting(r -> r.getUrl().queryParameter("$search"))
        .contains("\"report\"");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode mails = parse(json.out());
    assertThat(mails).hasSize(3);
    assertThat(mails.get(1).path("subject").asText()).isEqualTo("Réunion lundi");
    assertThat(mails.get(1).path("from").asText()).isEqualTo("Zoë Müller <zoe@contoso.com>");
  }

  @Test
  void files_upload_via_dropbox_stores_the_bytes_once_and_prints_the_file() throws IOException {
    connect("cli-box", "dropbox", dropbox);
    byte[] bytes = new byte[70_000];
    new Random(7).nextBytes(bytes);
    Path file = Files.write(files.resolve("quarterly.bin"), bytes);

    CliRunner.Result uploaded =
        cli().run("files", "upload", "--via", "dropbox", "-u", "cli-box", file.toString());

    assertThat(uploaded.exitCode()).as(uploaded.err()).isZero();
    assertThat(uploaded.out())
        .startsWith("Uploaded quarterly.bin (")
        .contains(") as file id:")
        .endsWith(".\n");
    assertThat(dropbox.files("cli-box"))
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.name()).isEqualTo("quarterly.bin");
              assertThat(stored.size()).isEqualTo(bytes.length);
              assertThat(stored.sha256()).isEqualTo(sha256(bytes));
            });

    CliRunner.Result json =
        cli()
            .run(
                "files",
                "upload",
                "--via",
                "dropbox",
                "-u",
                "cli-box",
                "--name",
                "copy.bin",
                file.toString(),
                "--json");

    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(parse(json.out()).path("name").asText()).isEqualTo("copy.bin");
    assertThat(parse(json.out()).path("size").asLong()).isEqualTo(bytes.length);
    assertThat(dropbox.files("cli-box"))
        .extracting(StoredFile::name)
        .containsExactly("quarterly.bin", "copy.bin");
  }

  @Test
  void files_list_via_onedrive_prints_the_root_and_its_json() {
    connect("cli-drive", "onedrive", microsoft);

    CliRunner.Result listed = cli().run("files", "list", "--via", "onedrive", "-u", "cli-drive");
    CliRunner.Result json =
        cli().run("files", "list", "--via", "onedrive", "-u", "cli-drive", "--json");

    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("report.pdf");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode page = parse(json.out());
    assertThat(page.isArray()).as(json.out()).isTrue();
    assertThat(page.get(0).path("name").asText()).isEqualTo("report.pdf");
    assertThat(microsoft.callsTo("/v1.0/me/drive/root/children")).isNotEmpty();
  }

  @Test
  void message_send_via_discord_teams_and_whatsapp_each_delivers_once_with_the_providers_id() {
    CliRunner.Result bot =
        cli().run("connect", "discord", "-u", "cli-chat", "--bot-token", DiscordStandIn.BOT_TOKEN);
    CliRunner.Result key =
        cli()
            .run(
                "connect",
                "whatsapp",
                "-u",
                "cli-chat",
                "--api-key",
                WhatsAppStandIn.ACCESS_TOKEN,
                "--config",
                "phone_number_id=" + WhatsAppStandIn.PHONE_NUMBER_ID);
    connect("cli-chat", "microsoft_teams", microsoft);
    assertThat(bot.exitCode()).as(bot.err()).isZero();
    assertThat(key.exitCode()).as(key.err()).isZero();
    int toDiscord = discord.messages.delivered().size();
    int toTeams = microsoft.teams.messages.delivered().size();
    int toWhatsApp = whatsapp.messages.delivered().size();

    CliRunner.Result viaDiscord = send("discord", DiscordStandIn.CHANNEL, "Build is green");
    CliRunner.Result viaTeams =
        send("microsoft_teams", TeamsGraph.TEAM_ID + "/" + TeamsGraph.CHANNEL_ID, "Release notes");
    CliRunner.Result viaWhatsApp =
        send("whatsapp", WhatsAppStandIn.RECIPIENT, "Your order shipped");

    assertThat(viaDiscord.exitCode()).as(viaDiscord.err()).isZero();
    assertThat(parse(viaDiscord.out()).path("message_id").isIntegralNumber()).isTrue();
    assertThat(viaTeams.exitCode()).as(viaTeams.err()).isZero();
    assertThat(parse(viaTeams.out()).path("message_id").isIntegralNumber()).isTrue();
    assertThat(viaWhatsApp.exitCode()).as(viaWhatsApp.err()).isZero();
    assertThat(parse(viaWhatsApp.out()).path("message_id").asText()).startsWith("wamid.");
    assertThat(newer(discord.messages.delivered(), toDiscord)).containsExactly("Build is green");
    assertThat(newer(microsoft.teams.messages.delivered(), toTeams)).hasSize(1);
    assertThat(newer(whatsapp.messages.delivered(), toWhatsApp))
        .containsExactly("Your order shipped");
  }

  @Test
  void files_upload_via_onedrive_and_list_via_dropbox() throws IOException {
    connect("cli-files", "onedrive", microsoft);
    connect("cli-files", "dropbox", dropbox);
    byte[] bytes = new byte[50_000];
    new Random(11).nextBytes(bytes);
    Path file = Files.write(files.resolve("notes.bin"), bytes);

    CliRunner.Result uploaded =
        cli().run("files", "upload", "--via", "onedrive", "-u", "cli-files", file.toString());
    CliRunner.Result listed =
        cli().run("files", "list", "--via", "dropbox", "-u", "cli-files", "--json");

    assertThat(uploaded.exitCode()).as(uploaded.err()).isZero();
    assertThat(uploaded.out()).startsWith("Uploaded notes.bin (");
    assertThat(microsoft.files("cli-files"))
        .singleElement()
        .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(sha256(bytes)));
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(parse(listed.out()).isArray()).as(listed.out()).isTrue();
    assertThat(parse(listed.out()).size()).isPositive();
  }

  private static CliRunner.Result send(String via, String chat, String text) {
    return cli()
        .run("message", "send", "--via", via, "-u", "cli-chat", "-c", chat, "-t", text, "--json");
  }

  private static List<String> newer(List<String> all, int before) {
    return all.subList(before, all.size());
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
