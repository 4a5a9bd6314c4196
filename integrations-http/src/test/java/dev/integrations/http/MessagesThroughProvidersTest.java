package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.ActionService;
import dev.integrations.testing.providers.CatalogStandIn;
import dev.integrations.testing.providers.DiscordStandIn;
import dev.integrations.testing.providers.MicrosoftStandIn;
import dev.integrations.testing.providers.SendFaults;
import dev.integrations.testing.providers.SlackStandIn;
import dev.integrations.testing.providers.TeamsGraph;
import dev.integrations.testing.providers.WhatsAppStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messages capability of Slack, Discord, Microsoft Teams and WhatsApp Business, through the
 * real composition root's {@link ActionService} (the Java API the HTTP route dispatches to) against
 * strict stand-ins over real sockets: connected through the server's API, then a message sent; a
 * 429 waited out and sent again once; a 5xx during a send never repeated; each provider's refusal
 * mapped to our code. One server and one set of stand-ins for the class; each test its own user,
 * and counts its own sends.
 */
class MessagesThroughProvidersTest {
  static final URI REDIRECT = URI.create(StandIns.PUBLIC_URL + "/api/integrations/callback");

  static SlackStandIn slack;
  static MicrosoftStandIn microsoft;
  static DiscordStandIn discord;
  static WhatsAppStandIn whatsapp;
  static Path catalogFile;
  static TestServer server;
  static ProviderFlows flows;

  @BeforeAll
  static void start() throws IOException {
    slack = new SlackStandIn("slack-test-client", REDIRECT);
    microsoft = new MicrosoftStandIn("microsoft-test-client", REDIRECT, "contoso-tenant");
    discord = new DiscordStandIn();
    whatsapp = new WhatsAppStandIn();
    catalogFile = Files.createTempFile("providers-", ".yaml");
    Map<String, String> env =
        new HashMap<>(
            CatalogStandIn.settings(catalogFile, "", slack, microsoft, discord, whatsapp));
    env.put("INTEGRATIONS_PUBLIC_URL", StandIns.PUBLIC_URL);
    server = TestServer.start(env);
    flows = new ProviderFlows(server);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    slack.close();
    microsoft.close();
    discord.close();
    whatsapp.close();
    Files.deleteIfExists(catalogFile);
  }

  static ActionService actions() {
    return server.wiring.integrations().actions();
  }

  static SentMessage send(String user, String type, String chatId, String text) {
    return actions()
        .sendMessage(UserId.of(user), IntegrationType.of(type), ChatMessage.text(chatId, text));
  }

  static IntegrationException refused(String user, String type, String chatId, String text) {
    return catchThrowableOfType(IntegrationException.class, () -> send(user, type, chatId, text));
  }

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

  // Slack

  @Test
  void slack_posts_a_message_as_the_connected_user() {
    flows.connect("slack-poster", "slack", slack);
    Counts counts = Counts.of(slack.messages);

    SentMessage sent = send("slack-poster", "slack", "C0123ABCD", "Deploy finished ✅");

    assertThat(sent.id()).isEqualTo("1700000000.000100");
    assertThat(counts.newDeliveries()).containsExactly("Deploy finished ✅");
    RecordedRequest post = ProviderFlows.last(slack.callsTo("/api/chat.postMessage"));
    assertThat(post.getHeaders().get("Authorization")).startsWith("Bearer xoxp-");
    assertThat(Json.parse(post.getBody().utf8()).path("channel").asText()).isEqualTo("C0123ABCD");
  }

  @Test
  void slack_ratelimited_is_waited_out_for_its_retry_after_and_posted_once() {
    flows.connect("slack-limited", "slack", slack);
    Counts counts = Counts.of(slack.messages);
    slack.rateLimitNextPost(1);

    long started = System.nanoTime();
    SentMessage sent = send("slack-limited", "slack", "C0123ABCD", "after the wait");

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(sent.id()).isEqualTo("1700000000.000100");
    assertThat(counts.newAttempts()).containsExactly("after the wait", "after the wait");
    assertThat(counts.newDeliveries()).containsExactly("after the wait");
  }

  @Test
  void slack_failing_during_a_post_is_not_asked_again() {
    flows.connect("slack-outage", "slack", slack);
    Counts counts = Counts.of(slack.messages);
    slack.failNextPost(503);

    IntegrationException failure = refused("slack-outage", "slack", "C0123ABCD", "maybe posted");

    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(failure).hasMessageContaining("HTTP 503").hasMessageContaining("not sent again");
    assertThat(counts.newAttempts()).containsExactly("maybe posted");
  }

  @Test
  void slack_channel_problems_are_invalid_requests_naming_the_channel() {
    flows.connect("slack-channels", "slack", slack);

    IntegrationException unknown =
        refused("slack-channels", "slack", SlackStandIn.UNKNOWN_CHANNEL, "hi");
    IntegrationException notMember =
        refused("slack-channels", "slack", SlackStandIn.NOT_MEMBER_CHANNEL, "hi");

    assertThat(unknown.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(unknown)
        .hasMessageContaining(SlackStandIn.UNKNOWN_CHANNEL)
        .hasMessageContaining("channel_not_found");
    assertThat(notMember.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(notMember)
        .hasMessageContaining(SlackStandIn.NOT_MEMBER_CHANNEL)
        .hasMessageContaining("not_in_channel");
  }

  @Test
  void slack_revoked_token_asks_the_user_to_connect_again() {
    String jwt = flows.connect("slack-revoked", "slack", slack);
    send("slack-revoked", "slack", "C0123ABCD", "before");
    String token =
        ProviderFlows.last(slack.callsTo("/api/chat.postMessage"))
            .getHeaders()
            .get("Authorization")
            .substring("Bearer ".length());
    slack.revokeToken(token);

    IntegrationException failure = refused("slack-revoked", "slack", "C0123ABCD", "after");

    assertThat(failure.code()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);
    assertThat(slack.messages.delivered()).doesNotContain("after");
    JsonNode card = card(jwt, "slack");
    assertThat(card.path("status").asText()).isEqualTo("error");
    assertThat(card.path("last_error").asText()).isEqualTo("reauthorization_required");
  }

  // Discord

  @Test
  void discord_posts_as_the_bot_and_silently_when_asked() {
    connectDiscord("discord-poster");
    Counts counts = Counts.of(discord.messages);

    SentMessage sent =
        actions()
            .sendMessage(
                UserId.of("discord-poster"),
                IntegrationType.of("discord"),
                new ChatMessage(DiscordStandIn.CHANNEL, "Build is green", null, true));

    assertThat(sent.hasNumericId()).isTrue();
    assertThat(counts.newDeliveries()).containsExactly("Build is green");
    RecordedRequest post = ProviderFlows.last(discord.calls);
    assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bot " + DiscordStandIn.BOT_TOKEN);
    assertThat(Json.parse(post.getBody().utf8()).path("flags").asInt()).isEqualTo(4096);
  }

  @Test
  void discord_429_is_waited_out_for_its_json_retry_after_and_posted_once() {
    connectDiscord("discord-limited");
    Counts counts = Counts.of(discord.messages);
    discord.rateLimitNextMessage(0.6, false);

    long started = System.nanoTime();
    send("discord-limited", "discord", DiscordStandIn.CHANNEL, "after the wait");

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(counts.newAttempts()).containsExactly("after the wait", "after the wait");
    assertThat(counts.newDeliveries()).containsExactly("after the wait");
  }

  @Test
  void discord_exhausted_bucket_is_waited_for_before_sending_instead_of_earning_a_429() {
    connectDiscord("discord-paced");
    discord.bucket(5, 0, 0.8);
    try {
      send("discord-paced", "discord", DiscordStandIn.CHANNEL, "uses the last one");
      discord.bucket(5, 4, 1.0);
      int requestsBefore = discord.calls.size();

      long started = System.nanoTime();
      send("discord-paced", "discord", DiscordStandIn.CHANNEL, "waits for the refill");

      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(700));
      assertThat(discord.calls.size() - requestsBefore)
          .as("one request, made after the refill")
          .isEqualTo(1);
    } finally {
      discord.bucket(5, 4, 1.0);
    }
  }

  @Test
  void discord_failing_during_a_post_is_not_asked_again() {
    connectDiscord("discord-outage");
    Counts counts = Counts.of(discord.messages);
    discord.failNextMessage(500);

    IntegrationException failure =
        refused("discord-outage", "discord", DiscordStandIn.CHANNEL, "maybe posted");

    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
    assertThat(failure).hasMessageContaining("not sent again");
    assertThat(counts.newAttempts()).containsExactly("maybe posted");
  }

  @Test
  void discord_unknown_channel_is_an_invalid_request_naming_it() {
    connectDiscord("discord-unknown");

    IntegrationException failure =
        refused("discord-unknown", "discord", "1100000000000000999", "hi");

    assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(failure)
        .hasMessageContaining("1100000000000000999")
        .hasMessageContaining("Unknown Channel");
  }

  // Microsoft Teams

  @Test
  void teams_posts_to_a_channel_by_team_and_channel_id_and_to_a_chat_by_its_id() {
    flows.connect("teams-poster", "microsoft_teams", microsoft);
    Counts counts = Counts.of(microsoft.teams.messages);

    SentMessage inChannel =
        send(
            "teams-poster",
            "microsoft_teams",
            TeamsGraph.TEAM_ID + "/" + TeamsGraph.CHANNEL_ID,
            "to the channel");
    SentMessage inChat =
        actions()
            .sendMessage(
                UserId.of("teams-poster"),
                IntegrationType.of("microsoft_teams"),
                new ChatMessage(TeamsGraph.CHAT_ID, "<b>to the chat</b>", "HTML", false));

    assertThat(inChannel.hasNumericId()).isTrue();
    assertThat(inChat.id()).isNotEqualTo(inChannel.id());
    assertThat(counts.newDeliveries()).containsExactly("to the channel", "<b>to the chat</b>");
    List<RecordedRequest> posts =
        microsoft.calls.stream()
            .filter(
                r -> r.getMethod().equals("POST") && r.getUrl().encodedPath().endsWith("/messages"))
            .toList();
    assertThat(posts.get(posts.size() - 2).getUrl().pathSegments())
        .containsExactly(
            "v1.0", "teams", TeamsGraph.TEAM_ID, "channels", TeamsGraph.CHANNEL_ID, "messages");
    assertThat(ProviderFlows.last(posts).getUrl().pathSegments())
        .containsExactly("v1.0", "chats", TeamsGraph.CHAT_ID, "messages");
    assertThat(
            Json.parse(ProviderFlows.last(posts).getBody().utf8())
                .path("body")
                .path("contentType")
                .asText())
        .isEqualTo("html");
  }

  @Test
  void teams_throttling_is_waited_out_for_its_retry_after_and_posted_once() {
    flows.connect("teams-limited", "microsoft_teams", microsoft);
    Counts counts = Counts.of(microsoft.teams.messages);
    microsoft.teams.throttleNextMessage(1);

    long started = System.nanoTime();
    send("teams-limited", "microsoft_teams", TeamsGraph.CHAT_ID, "after the wait");

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(counts.newAttempts()).containsExactly("after the wait", "after the wait");
    assertThat(counts.newDeliveries()).containsExactly("after the wait");
  }

  @Test
  void teams_failing_during_a_post_is_not_asked_again() {
    flows.connect("teams-outage", "microsoft_teams", microsoft);
    Counts counts = Counts.of(microsoft.teams.messages);
    microsoft.teams.failNextMessage(503);

    IntegrationException failure =
        refused("teams-outage", "microsoft_teams", TeamsGraph.CHAT_ID, "maybe posted");

    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(failure).hasMessageContaining("not sent again");
    assertThat(counts.newAttempts()).containsExactly("maybe posted");
  }

  @Test
  void teams_unknown_chat_is_an_invalid_request_naming_it() {
    flows.connect("teams-unknown", "microsoft_teams", microsoft);

    IntegrationException failure =
        refused("teams-unknown", "microsoft_teams", "19:nobody@thread.v2", "hi");

    assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(failure).hasMessageContaining("19:nobody@thread.v2");
  }

  // WhatsApp Business

  @Test
  void whatsapp_connects_with_an_api_key_and_its_phone_number_id_then_sends_text() {
    String jwt = connectWhatsApp("wa-sender");
    flows.assertTested(
        jwt,
        "whatsapp",
        "Connected to WhatsApp Business as " + WhatsAppStandIn.DISPLAY_PHONE_NUMBER + ".");
    Counts counts = Counts.of(whatsapp.messages);

    SentMessage sent =
        send("wa-sender", "whatsapp", WhatsAppStandIn.RECIPIENT, "Your order shipped");

    assertThat(sent.id()).startsWith("wamid.");
    assertThat(counts.newDeliveries()).containsExactly("Your order shipped");
    RecordedRequest post = ProviderFlows.last(whatsapp.calls);
    assertThat(post.getUrl().encodedPath())
        .isEqualTo("/v21.0/" + WhatsAppStandIn.PHONE_NUMBER_ID + "/messages");
    assertThat(post.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + WhatsAppStandIn.ACCESS_TOKEN);
    JsonNode body = Json.parse(post.getBody().utf8());
    assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
    assertThat(body.path("to").asText()).isEqualTo(WhatsAppStandIn.RECIPIENT);
    assertThat(body.path("text").path("body").asText()).isEqualTo("Your order shipped");
  }

  @Test
  void whatsapp_connect_without_its_phone_number_id_or_with_a_wrong_one_stores_nothing() {
    String jwt = server.token("wa-incomplete");
    int requestsBefore = whatsapp.calls.size();

    HttpResponse<String> missing =
        server.post(
            "/api/integrations/connect",
            jwt,
            "{\"integration_type\":\"whatsapp\",\"api_key\":\""
                + WhatsAppStandIn.ACCESS_TOKEN
                + "\"}");
    assertThat(ProviderFlows.error(missing, 400)).isEqualTo("invalid_request");
    assertThat(Json.parse(missing.body()).path("detail").asText())
        .contains("config.phone_number_id is required");
    assertThat(whatsapp.calls.size()).as("refused before any call").isEqualTo(requestsBefore);

    HttpResponse<String> wrong =
        server.post(
            "/api/integrations/connect",
            jwt,
            "{\"integration_type\":\"whatsapp\",\"api_key\":\""
                + WhatsAppStandIn.ACCESS_TOKEN
                + "\",\"config\":{\"phone_number_id\":\"999\"}}");
    assertThat(ProviderFlows.error(wrong, 400)).isEqualTo("invalid_credentials");

    assertThat(card(jwt, "whatsapp").path("status").asText()).isEqualTo("disconnected");
  }

  @Test
  void whatsapp_rate_limit_is_waited_out_for_its_retry_after_and_sent_once() {
    connectWhatsApp("wa-limited");
    Counts counts = Counts.of(whatsapp.messages);
    whatsapp.rateLimitNextMessage(429, 130429, 1);

    long started = System.nanoTime();
    send("wa-limited", "whatsapp", WhatsAppStandIn.RECIPIENT, "after the wait");

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(counts.newAttempts()).containsExactly("after the wait", "after the wait");
    assertThat(counts.newDeliveries()).containsExactly("after the wait");
  }

  @Test
  void whatsapp_failing_during_a_send_is_not_asked_again() {
    connectWhatsApp("wa-outage");
    Counts counts = Counts.of(whatsapp.messages);
    whatsapp.failNextMessage(500);

    IntegrationException failure =
        refused("wa-outage", "whatsapp", WhatsAppStandIn.RECIPIENT, "maybe sent");

    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
    assertThat(failure).hasMessageContaining("not sent again");
    assertThat(counts.newAttempts()).containsExactly("maybe sent");
  }

  @Test
  void whatsapp_refusals_keep_its_reason_and_a_revoked_token_is_refused_credentials() {
    String jwt = connectWhatsApp("wa-refused");

    IntegrationException window =
        refused("wa-refused", "whatsapp", WhatsAppStandIn.OUTSIDE_WINDOW, "hello again");
    assertThat(window.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
    assertThat(window).hasMessageContaining("131047");

    whatsapp.revokeToken();
    try {
      IntegrationException revoked =
          refused("wa-refused", "whatsapp", WhatsAppStandIn.RECIPIENT, "hi");
      assertThat(revoked.code()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
      assertThat(card(jwt, "whatsapp").path("last_error").asText())
          .isEqualTo("credentials_rejected");
    } finally {
      whatsapp.restoreToken();
    }
  }

  private static void connectDiscord(String user) {
    HttpResponse<String> connected =
        server.post(
            "/api/integrations/connect",
            server.token(user),
            "{\"integration_type\":\"discord\",\"bot_token\":\""
                + DiscordStandIn.BOT_TOKEN
                + "\"}");
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
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
    JsonNode body = Json.parse(connected.body());
    assertThat(body.path("message").asText()).isEqualTo("WhatsApp Business connected successfully");
    assertThat(body.path("account").path("id").asText()).isEqualTo(WhatsAppStandIn.PHONE_NUMBER_ID);
    return jwt;
  }

  private static JsonNode card(String jwt, String type) {
    JsonNode list = Json.parse(server.get("/api/integrations", jwt).body());
    for (JsonNode entry : list) {
      if (entry.path("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no card for " + type + " in " + list);
  }
}
