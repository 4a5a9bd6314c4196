package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.providers.CatalogStandIn;
import dev.integrations.testing.providers.ContentHost;
import dev.integrations.testing.providers.DiscordStandIn;
import dev.integrations.testing.providers.DropboxStandIn;
import dev.integrations.testing.providers.MicrosoftStandIn;
import dev.integrations.testing.providers.SendFaults;
import dev.integrations.testing.providers.SlackStandIn;
import dev.integrations.testing.providers.StoredFile;
import dev.integrations.testing.providers.TeamsGraph;
import dev.integrations.testing.providers.WhatsAppStandIn;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each provider × capability pair of issue 15 end to end through the real server's HTTP API (every
 * answer checked against {@code /openapi.json} by {@link TestServer}) against its stand-in over
 * real sockets: Outlook mail (send, search), OneDrive and Dropbox files (multipart upload, list),
 * Slack, Discord, Microsoft Teams and WhatsApp Business messages. Per capability also a 429 with
 * {@code Retry-After} waited out (the user sees a 200 and the provider one delivery) and a 5xx
 * during a send answered with a clear error and not repeated. Users connect through the server's
 * own connect flows (OAuth consent and callback, bot token, api key with its config). One server
 * and one set of stand-ins for the class; each test its own user.
 */
class CapabilitiesOverHttpTest {
  static final URI REDIRECT = URI.create(StandIns.PUBLIC_URL + "/api/integrations/callback");
  static final Duration ONE_SECOND = Duration.ofSeconds(1);

  static SlackStandIn slack;
  static MicrosoftStandIn microsoft;
  static DropboxStandIn dropbox;
  static DiscordStandIn discord;
  static WhatsAppStandIn whatsapp;
  static Path catalogFile;
  static TestServer server;
  static ProviderFlows flows;

  @BeforeAll
  static void start() throws IOException {
    slack = new SlackStandIn("slack-e2e-client", REDIRECT);
    microsoft = new MicrosoftStandIn("microsoft-e2e-client", REDIRECT, "common");
    dropbox = new DropboxStandIn("dropbox-e2e-client", REDIRECT);
    discord = new DiscordStandIn();
    whatsapp = new WhatsAppStandIn();
    catalogFile = Files.createTempFile("providers-", ".yaml");
    Map<String, String> env =
        new HashMap<>(
            CatalogStandIn.settings(catalogFile, "", slack, microsoft, dropbox, discord, whatsapp));
    env.put("INTEGRATIONS_PUBLIC_URL", StandIns.PUBLIC_URL);
    server = TestServer.start(env);
    flows = new ProviderFlows(server);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    slack.close();
    microsoft.close();
    dropbox.close();
    discord.close();
    whatsapp.close();
    Files.deleteIfExists(catalogFile);
  }

  // Outlook mail

  private static final String MAIL =
      """
      {"to": ["Zoë Müller <zoe@contoso.com>"], "subject": "Grüße aus Köln", "body": "Bis später."}""";

  @Test
  void outlook_mail_is_sent_over_http_and_graph_receives_it_once() {
    String jwt = flows.connect("http-mail-ann", "outlook", microsoft);

    HttpResponse<String> sent = server.post("/api/integrations/outlook/messages", jwt, MAIL);

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(
            Json.parse(sent.body()).path("id").isMissingNode()
                || Json.parse(sent.body()).path("id").isNull())
        .as("Graph's sendMail gives no id: " + sent.body())
        .isTrue();
    List<JsonNode> received = microsoft.sentMail("http-mail-ann");
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
  void outlook_mail_is_searched_over_http_with_its_metadata() {
    String jwt = flows.connect("http-mail-bob", "outlook", microsoft);

    HttpResponse<String> found =
        server.get("/api/integrations/outlook/messages?q=report&max_results=5", jwt);

    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    JsonNode mails = Json.parse(found.body());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).path("id").asText()).isEqualTo("AAMkAGI2TG93AAA=");
    assertThat(mails.get(0).path("from").asText()).isEqualTo("Ann Example <ann@contoso.com>");
    assertThat(mails.get(0).path("subject").asText()).isEqualTo("Quarterly report");
    assertThat(mails.get(0).path("date").asText()).isEqualTo("2026-01-03T09:00:00Z");
    RecordedRequest call = ProviderFlows.last(microsoft.callsTo("/v1.0/me/messages"));
    assertThat(call.getUrl().queryParameter("$search")).isEqualTo("\"report\"");
    assertThat(call.getUrl().queryParameter("$top")).isEqualTo("5");
  }

  @Test
  void outlook_429_is_waited_out_over_http_and_the_mail_sent_once() {
    String jwt = flows.connect("http-mail-cem", "outlook", microsoft);
    microsoft.failNext("sendMail", 429, 1, "1", false);
    int before = microsoft.callsTo("/v1.0/me/sendMail").size();

    long started = System.nanoTime();
    HttpResponse<String> sent = server.post("/api/integrations/outlook/messages", jwt, MAIL);

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ONE_SECOND);
    assertThat(microsoft.callsTo("/v1.0/me/sendMail")).hasSize(before + 2);
    assertThat(microsoft.sentMail("http-mail-cem")).hasSize(1);
  }

  @Test
  void outlook_5xx_after_graph_took_the_mail_is_a_clear_502_and_not_repeated() {
    String jwt = flows.connect("http-mail-dan", "outlook", microsoft);
    microsoft.failNext("sendMail", 503, 1, null, true);
    int before = microsoft.callsTo("/v1.0/me/sendMail").size();

    HttpResponse<String> failed = server.post("/api/integrations/outlook/messages", jwt, MAIL);

    assertThat(ProviderFlows.error(failed, 502)).isEqualTo("provider_error");
    assertThat(Json.parse(failed.body()).path("detail").asText()).contains("It was not repeated");
    assertThat(microsoft.callsTo("/v1.0/me/sendMail")).hasSize(before + 1);
    assertThat(microsoft.sentMail("http-mail-dan")).hasSize(1);
  }

  // OneDrive files

  @Test
  void onedrive_upload_over_http_arrives_byte_for_byte_and_is_listed() {
    String jwt = flows.connect("http-drive-ann", "onedrive", microsoft);
    byte[] file = bytes(64 * 1024 + 7);

    HttpResponse<String> uploaded =
        server.send(upload("onedrive", jwt, "Bericht für März.bin", file));

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    JsonNode answer = Json.parse(uploaded.body());
    assertThat(answer.path("name").asText()).isEqualTo("Bericht für März.bin");
    assertThat(answer.path("size").asLong()).isEqualTo(file.length);
    assertThat(microsoft.files("http-drive-ann"))
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.name()).isEqualTo("Bericht für März.bin");
              assertThat(stored.sha256()).isEqualTo(sha256(file));
            });

    HttpResponse<String> listed = server.get("/api/integrations/onedrive/files?page_size=10", jwt);

    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(names(listed)).containsExactlyInAnyOrder("report.pdf", "Bericht für März.bin");
  }

  @Test
  void onedrive_429_on_an_upload_is_waited_out_over_http_and_the_file_stored_once() {
    String jwt = flows.connect("http-drive-bob", "onedrive", microsoft);
    microsoft.failNext("drive", 429, 1, "1", false);

    long started = System.nanoTime();
    HttpResponse<String> uploaded =
        server.send(upload("onedrive", jwt, "later.txt", "x".getBytes(StandardCharsets.UTF_8)));

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ONE_SECOND);
    assertThat(microsoft.files("http-drive-bob"))
        .extracting(StoredFile::name)
        .containsExactly("later.txt");
  }

  @Test
  void onedrive_5xx_on_the_last_chunk_after_the_file_was_made_is_a_clear_502_and_not_repeated() {
    String jwt = flows.connect("http-drive-cem", "onedrive", microsoft);
    microsoft.failNext("chunk", 503, 1, null, true);
    int before = microsoft.uploadHost().received.size();

    HttpResponse<String> failed =
        server.send(upload("onedrive", jwt, "once.bin", bytes(5 * 1024 * 1024)));

    assertThat(ProviderFlows.error(failed, 502)).isEqualTo("provider_error");
    assertThat(Json.parse(failed.body()).path("detail").asText())
        .contains("It was not uploaded again");
    assertThat(microsoft.files("http-drive-cem")).hasSize(1);
    List<ContentHost.Received> calls = microsoft.uploadHost().received;
    assertThat(calls.subList(before, calls.size()))
        .extracting(ContentHost.Received::method)
        .as("one PUT of the chunk, then the session's status; no second PUT")
        .containsExactly("PUT", "GET");
  }

  // Dropbox files

  @Test
  void dropbox_upload_over_http_arrives_byte_for_byte_and_is_listed() {
    String jwt = flows.connect("http-box-ann", "dropbox", dropbox);
    byte[] file = bytes(48 * 1024 + 3);

    HttpResponse<String> uploaded = server.send(upload("dropbox", jwt, "Ünïcødé 🚀.bin", file));

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    JsonNode answer = Json.parse(uploaded.body());
    assertThat(answer.path("name").asText()).isEqualTo("Ünïcødé 🚀.bin");
    assertThat(answer.path("size").asLong()).isEqualTo(file.length);
    assertThat(dropbox.files("http-box-ann"))
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.name()).isEqualTo("Ünïcødé 🚀.bin");
              assertThat(stored.sha256()).isEqualTo(sha256(file));
            });

    HttpResponse<String> listed = server.get("/api/integrations/dropbox/files?page_size=10", jwt);

    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(names(listed)).containsExactlyInAnyOrder("report.pdf", "Ünïcødé 🚀.bin");
  }

  @Test
  void dropbox_429_on_an_upload_is_waited_out_over_http_and_the_file_stored_once() {
    String jwt = flows.connect("http-box-bob", "dropbox", dropbox);
    dropbox.failNext("upload", 429, 1, "1", false);

    long started = System.nanoTime();
    HttpResponse<String> uploaded =
        server.send(upload("dropbox", jwt, "later.txt", "x".getBytes(StandardCharsets.UTF_8)));

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ONE_SECOND);
    assertThat(dropbox.files("http-box-bob"))
        .extracting(StoredFile::name)
        .containsExactly("later.txt");
  }

  @Test
  void dropbox_5xx_after_the_upload_arrived_is_a_clear_502_and_not_repeated() {
    String jwt = flows.connect("http-box-cem", "dropbox", dropbox);
    dropbox.failNext("upload", 500, 1, null, true);
    int before = dropbox.contentHost().received.size();

    HttpResponse<String> failed =
        server.send(upload("dropbox", jwt, "once.txt", "x".getBytes(StandardCharsets.UTF_8)));

    assertThat(ProviderFlows.error(failed, 502)).isEqualTo("provider_error");
    assertThat(Json.parse(failed.body()).path("detail").asText())
        .contains("HTTP 500")
        .contains("It was not repeated");
    assertThat(dropbox.contentHost().received).hasSize(before + 1);
    assertThat(dropbox.files("http-box-cem")).hasSize(1);
  }

  // Slack messages

  @Test
  void slack_message_over_http_answers_its_ts_as_a_string_and_is_delivered_once() {
    String jwt = flows.connect("http-slack-ann", "slack", slack);
    Counts counts = Counts.of(slack.messages);

    HttpResponse<String> sent = sendMessage("slack", jwt, "C0123ABCD", "Deploy finished ✅");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(sent.body()).isEqualTo("{\"message_id\":\"1700000000.000100\"}");
    assertThat(counts.newDeliveries()).containsExactly("Deploy finished ✅");
    RecordedRequest post = ProviderFlows.last(slack.callsTo("/api/chat.postMessage"));
    assertThat(Json.parse(post.getBody().utf8()).path("channel").asText()).isEqualTo("C0123ABCD");
  }

  @Test
  void slack_429_is_waited_out_over_http_and_posted_once() {
    String jwt = flows.connect("http-slack-bob", "slack", slack);
    Counts counts = Counts.of(slack.messages);
    slack.rateLimitNextPost(1);

    long started = System.nanoTime();
    HttpResponse<String> sent = sendMessage("slack", jwt, "C0123ABCD", "after the wait");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ONE_SECOND);
    assertThat(counts.newAttempts()).containsExactly("after the wait", "after the wait");
    assertThat(counts.newDeliveries()).containsExactly("after the wait");
  }

  @Test
  void slack_5xx_during_a_post_is_a_clear_503_and_not_repeated() {
    String jwt = flows.connect("http-slack-cem", "slack", slack);
    Counts counts = Counts.of(slack.messages);
    slack.failNextPost(503);

    HttpResponse<String> failed = sendMessage("slack", jwt, "C0123ABCD", "maybe posted");

    assertThat(ProviderFlows.error(failed, 503)).isEqualTo("provider_unavailable");
    assertThat(Json.parse(failed.body()).path("detail").asText())
        .contains("HTTP 503")
        .contains("not sent again");
    assertThat(counts.newAttempts()).containsExactly("maybe posted");
  }

  // Discord messages

  @Test
  void discord_message_over_http_answers_a_numeric_id_and_is_delivered_once() {
    String jwt = connectDiscord("http-discord-ann");
    Counts counts = Counts.of(discord.messages);

    HttpResponse<String> sent =
        sendMessage("discord", jwt, DiscordStandIn.CHANNEL, "Build is green");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(Json.parse(sent.body()).path("message_id").isIntegralNumber())
        .as(sent.body())
        .isTrue();
    assertThat(counts.newDeliveries()).containsExactly("Build is green");
    RecordedRequest post = ProviderFlows.last(discord.calls);
    assertThat(post.getUrl().encodedPath()).contains(DiscordStandIn.CHANNEL);
    assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bot " + DiscordStandIn.BOT_TOKEN);
  }

  @Test
  void discord_429_is_waited_out_over_http_and_posted_once() {
    String jwt = connectDiscord("http-discord-bob");
    Counts counts = Counts.of(discord.messages);
    discord.rateLimitNextMessage(0.6, false);

    long started = System.nanoTime();
    HttpResponse<String> sent =
        sendMessage("discord", jwt, DiscordStandIn.CHANNEL, "after the wait");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(counts.newAttempts()).containsExactly("after the wait", "after the wait");
    assertThat(counts.newDeliveries()).containsExactly("after the wait");
  }

  @Test
  void discord_5xx_during_a_post_is_a_clear_502_and_not_repeated() {
    String jwt = connectDiscord("http-discord-cem");
    Counts counts = Counts.of(discord.messages);
    discord.failNextMessage(500);

    HttpResponse<String> failed =
        sendMessage("discord", jwt, DiscordStandIn.CHANNEL, "maybe posted");

    assertThat(ProviderFlows.error(failed, 502)).isEqualTo("provider_error");
    assertThat(Json.parse(failed.body()).path("detail").asText()).contains("not sent again");
    assertThat(counts.newAttempts()).containsExactly("maybe posted");
  }

  // Microsoft Teams messages

  @Test
  void teams_messages_over_http_reach_a_channel_and_a_chat_with_numeric_ids() {
    String jwt = flows.connect("http-teams-ann", "microsoft_teams", microsoft);
    Counts counts = Counts.of(microsoft.teams.messages);

    HttpResponse<String> inChannel =
        sendMessage(
            "microsoft_teams",
            jwt,
            TeamsGraph.TEAM_ID + "/" + TeamsGraph.CHANNEL_ID,
            "to the channel");
    HttpResponse<String> inChat =
        sendMessage("microsoft_teams", jwt, TeamsGraph.CHAT_ID, "to the chat");

    assertThat(inChannel.statusCode()).as(inChannel.body()).isEqualTo(200);
    assertThat(inChat.statusCode()).as(inChat.body()).isEqualTo(200);
    assertThat(Json.parse(inChannel.body()).path("message_id").isIntegralNumber())
        .as(inChannel.body())
        .isTrue();
    assertThat(Json.parse(inChat.body()).path("message_id").isIntegralNumber())
        .as(inChat.body())
        .isTrue();
    assertThat(inChat.body()).isNotEqualTo(inChannel.body());
    assertThat(counts.newDeliveries()).containsExactly("to the channel", "to the chat");
  }

  @Test
  void teams_429_is_waited_out_over_http_and_posted_once() {
    String jwt = flows.connect("http-teams-bob", "microsoft_teams", microsoft);
    Counts counts = Counts.of(microsoft.teams.messages);
    microsoft.teams.throttleNextMessage(1);

    long started = System.nanoTime();
    HttpResponse<String> sent =
        sendMessage("microsoft_teams", jwt, TeamsGraph.CHAT_ID, "after the wait");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ONE_SECOND);
    assertThat(counts.newAttempts()).containsExactly("after the wait", "after the wait");
    assertThat(counts.newDeliveries()).containsExactly("after the wait");
  }

  @Test
  void teams_5xx_during_a_post_is_a_clear_503_and_not_repeated() {
    String jwt = flows.connect("http-teams-cem", "microsoft_teams", microsoft);
    Counts counts = Counts.of(microsoft.teams.messages);
    microsoft.teams.failNextMessage(503);

    HttpResponse<String> failed =
        sendMessage("microsoft_teams", jwt, TeamsGraph.CHAT_ID, "maybe posted");

    assertThat(ProviderFlows.error(failed, 503)).isEqualTo("provider_unavailable");
    assertThat(Json.parse(failed.body()).path("detail").asText()).contains("not sent again");
    assertThat(counts.newAttempts()).containsExactly("maybe posted");
  }

  // WhatsApp Business messages

  @Test
  void whatsapp_message_over_http_answers_its_wamid_as_a_string_and_is_delivered_once() {
    String jwt = connectWhatsApp("http-wa-ann");
    Counts counts = Counts.of(whatsapp.messages);

    HttpResponse<String> sent =
        sendMessage("whatsapp", jwt, WhatsAppStandIn.RECIPIENT, "Your order shipped");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    JsonNode id = Json.parse(sent.body()).path("message_id");
    assertThat(id.isTextual()).as(sent.body()).isTrue();
    assertThat(id.asText()).startsWith("wamid.");
    assertThat(counts.newDeliveries()).containsExactly("Your order shipped");
    JsonNode body = Json.parse(ProviderFlows.last(whatsapp.calls).getBody().utf8());
    assertThat(body.path("to").asText()).isEqualTo(WhatsAppStandIn.RECIPIENT);
  }

  @Test
  void whatsapp_429_is_waited_out_over_http_and_sent_once() {
    String jwt = connectWhatsApp("http-wa-bob");
    Counts counts = Counts.of(whatsapp.messages);
    whatsapp.rateLimitNextMessage(429, 130429, 1);

    long started = System.nanoTime();
    HttpResponse<String> sent =
        sendMessage("whatsapp", jwt, WhatsAppStandIn.RECIPIENT, "after the wait");

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ONE_SECOND);
    assertThat(counts.newAttempts()).containsExactly("after the wait", "after the wait");
    assertThat(counts.newDeliveries()).containsExactly("after the wait");
  }

  @Test
  void whatsapp_5xx_during_a_send_is_a_clear_502_and_not_repeated() {
    String jwt = connectWhatsApp("http-wa-cem");
    Counts counts = Counts.of(whatsapp.messages);
    whatsapp.failNextMessage(500);

    HttpResponse<String> failed =
        sendMessage("whatsapp", jwt, WhatsAppStandIn.RECIPIENT, "maybe sent");

    assertThat(ProviderFlows.error(failed, 502)).isEqualTo("provider_error");
    assertThat(Json.parse(failed.body()).path("detail").asText()).contains("not sent again");
    assertThat(counts.newAttempts()).containsExactly("maybe sent");
  }

  // The same sends through the MCP tools at /mcp (the SDK's own client)

  @Test
  void mcp_send_message_via_slack_answers_slacks_ts_and_is_delivered_once() {
    String jwt = flows.connect("mcp-slack-ann", "slack", slack);
    Counts counts = Counts.of(slack.messages);

    CallToolResult result;
    try (McpSyncClient client = McpClients.client(server, jwt)) {
      client.initialize();
      result =
          McpClients.call(
              client,
              "send_message",
              Map.of("integration_type", "slack", "chat_id", "C0123ABCD", "text", "from an agent"));
    }

    assertThat(counts.newDeliveries()).containsExactly("from an agent");
    assertThat(result.isError()).as(result.toString()).isFalse();
    assertThat(McpClients.structured(result)).containsEntry("message_id", "1700000000.000100");
  }

  @Test
  void mcp_send_message_via_discord_answers_its_snowflake_id() {
    String jwt = connectDiscord("mcp-discord-ann");
    Counts counts = Counts.of(discord.messages);

    CallToolResult result;
    try (McpSyncClient client = McpClients.client(server, jwt)) {
      client.initialize();
      result =
          McpClients.call(
              client,
              "send_message",
              Map.of(
                  "integration_type",
                  "discord",
                  "chat_id",
                  DiscordStandIn.CHANNEL,
                  "text",
                  "from an agent"));
    }

    assertThat(counts.newDeliveries()).containsExactly("from an agent");
    assertThat(result.isError()).as(result.toString()).isFalse();
    assertThat(((Number) McpClients.structured(result).get("message_id")).longValue())
        .isGreaterThan(0);
  }

  @Test
  void mcp_send_mail_via_outlook_is_sent_once_and_answers_without_an_id() {
    String jwt = flows.connect("mcp-mail-ann", "outlook", microsoft);

    CallToolResult result;
    try (McpSyncClient client = McpClients.client(server, jwt)) {
      client.initialize();
      result =
          McpClients.call(
              client,
              "send_mail",
              Map.of(
                  "integration_type",
                  "outlook",
                  "to",
                  List.of("zoe@contoso.com"),
                  "subject",
                  "From an agent",
                  "body",
                  "Hello."));
    }

    assertThat(microsoft.sentMail("mcp-mail-ann")).hasSize(1);
    assertThat(result.isError()).as(result.toString()).isFalse();
  }

  // helpers

  /** The attempts and deliveries a test adds to a stand-in's counts. */
  record Counts(SendFaults faults, int attempts, int delivered) {
    static Counts of(SendFaults faults) {
      return new Counts(faults, faults.attempts().size(), faults.delivered().size());
    }

    List<String> newAttempts() {
      List<String> all = faults.attempts();
      return all.subList(attempts, all.size());
    }

    List<String> newDeliveries() {
      List<String> all = faults.delivered();
      return all.subList(delivered, all.size());
    }
  }

  private static HttpResponse<String> sendMessage(
      String type, String jwt, String chatId, String text) {
    return server.post(
        "/api/integrations/" + type + "/messages",
        jwt,
        "{\"chat_id\":\"" + chatId + "\",\"text\":\"" + text + "\"}");
  }

  private static String connectDiscord(String user) {
    String jwt = server.token(user);
    HttpResponse<String> connected =
        server.post(
            "/api/integrations/connect",
            jwt,
            "{\"integration_type\":\"discord\",\"bot_token\":\""
                + DiscordStandIn.BOT_TOKEN
                + "\"}");
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    return jwt;
  }

  private static String connectWhatsApp(String user) {
    String jwt = server.token(user);
    HttpResponse<String> connected =
        server.post(
            "/api/integrations/connect",
            jwt,
            "{\"integration_type\":\"whatsapp\",\"api_key\":\""
                + WhatsAppStandIn.ACCESS_TOKEN
                + "\",\"config\":{\"phone_number_id\":\""
                + WhatsAppStandIn.PHONE_NUMBER_ID
                + "\"}}");
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    return jwt;
  }

  /**
   * A multipart upload of {@code file} named {@code name}, as the web page and API clients send it.
   */
  private static HttpRequest upload(String type, String jwt, String name, byte[] file) {
    String boundary = "----capabilities-over-http-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"name\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + name
                + "\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return server
        .request("/api/integrations/" + type + "/files", jwt)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
  }

  private static List<String> names(HttpResponse<String> listed) {
    List<String> names = new java.util.ArrayList<>();
    Json.parse(listed.body()).forEach(file -> names.add(file.path("name").asText()));
    return names;
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
