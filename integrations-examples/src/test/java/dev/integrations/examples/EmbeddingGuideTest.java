package dev.integrations.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.UnsupportedCapabilityException;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.IntegrationService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library built exactly as docs/embedding.md says, on an H2 file database, with no HTTP server
 * on the classpath, driven through the guide's own samples against local stand-ins of Google and
 * Telegram.
 */
class EmbeddingGuideTest {
  private static final UserId ANN = UserId.of("ann");

  @TempDir Path dir;
  private StandIns standIns;
  private AppConfig config;
  private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    standIns = new StandIns();
    config = AppConfig.from(standIns.environment(dir));
  }

  @AfterEach
  void stop() {
    standIns.close();
  }

  @Test
  void the_library_runs_without_the_http_server_the_cli_or_their_wiring() {
    for (String absent :
        List.of("io.javalin.Javalin", "picocli.CommandLine", "dev.integrations.bootstrap.Wiring")) {
      assertThatThrownBy(() -> Class.forName(absent))
          .as(absent)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void connects_gmail_through_oauth_sends_mail_connects_telegram_sends_a_message_and_disconnects()
      throws Exception {
    String accessToken;
    try (EmbeddedIntegrations app = EmbeddedIntegrations.start(config, events::add)) {
      OAuthRoutes routes = new OAuthRoutes(app.integrations());
      URI consent = routes.connect(ANN, IntegrationType.GMAIL);
      HttpUrl back = HttpUrl.get(StandIns.consent(consent));
      assertThat(back.toString()).startsWith(StandIns.CALLBACK);

      String landing =
          routes.callback(ANN, back.queryParameter("state"), back.queryParameter("code"), null);

      assertThat(landing).isEqualTo("/settings/integrations?connected=gmail");
      assertThat(kinds()).containsExactly("CONNECTED gmail");
    }

    // A restart: the connection and its encrypted tokens are in the H2 file, the key in the data
    // dir.
    try (EmbeddedIntegrations app = EmbeddedIntegrations.start(config, events::add)) {
      Actions actions = new Actions(app.integrations());
      SentMail sent = actions.sendReport(ANN, "bob@example.com");

      assertThat(sent).isEqualTo(new SentMail("m-sent", "t-sent"));
      RecordedRequest send = only(standIns.googleCalls, "/gmail/v1/users/me/messages/send");
      assertThat(send.getMethod()).isEqualTo("POST");
      accessToken = send.getHeaders().get("Authorization").substring("Bearer ".length());
      String mime = rawMessage(send);
      assertThat(mime)
          .contains("To: bob@example.com", "Subject: Weekly report", "All systems nominal.");

      SentMessage message = actions.connectBotAndAnnounce(ANN, StandIns.BOT_TOKEN, "4711");

      assertThat(message.messageId()).isEqualTo(42);
      RecordedRequest post =
          only(standIns.telegramCalls, "/bot" + StandIns.BOT_TOKEN + "/sendMessage");
      assertThat(post.getBody().utf8()).contains("\"chat_id\":4711").contains("Deploy finished ✅");
      assertThat(statuses(app.integrations().connections()))
          .containsEntry("gmail", ConnectionStatus.CONNECTED)
          .containsEntry("telegram", ConnectionStatus.CONNECTED)
          .containsEntry("google_drive", ConnectionStatus.DISCONNECTED);
      assertThat(app.integrations().connections().test(ANN, IntegrationType.GMAIL).success())
          .isTrue();

      app.integrations().connections().disconnect(ANN, IntegrationType.GMAIL);
      app.integrations().connections().disconnect(ANN, IntegrationType.TELEGRAM);

      assertThat(only(standIns.googleCalls, "/revoke").getMethod()).isEqualTo("POST");
      assertThat(statuses(app.integrations().connections()))
          .containsOnlyKeys("gmail", "google_drive", "telegram")
          .allSatisfy(
              (type, status) -> assertThat(status).isEqualTo(ConnectionStatus.DISCONNECTED));
      assertThat(actions.sendReportOrExplain(ANN, "bob@example.com"))
          .isEqualTo("Connect Gmail first.");
    }

    assertThat(kinds())
        .containsExactly(
            "CONNECTED gmail", "CONNECTED telegram", "DISCONNECTED gmail", "DISCONNECTED telegram");
    assertThat(databaseFiles())
        .allSatisfy(
            file ->
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                    .doesNotContain(accessToken)
                    .doesNotContain(StandIns.BOT_TOKEN));
  }

  @Test
  void the_user_picks_among_the_connections_that_can_message_and_others_say_what_they_offer() {
    try (EmbeddedIntegrations app = EmbeddedIntegrations.start(config, events::add)) {
      Actions actions = new Actions(app.integrations());
      assertThat(actions.messagingConnections(ANN)).isEmpty();

      actions.connectBotAndAnnounce(ANN, StandIns.BOT_TOKEN, "4711");

      assertThat(actions.messagingConnections(ANN)).containsExactly(IntegrationType.TELEGRAM);
      assertThatThrownBy(
              () ->
                  app.integrations()
                      .actions()
                      .sendMessage(
                          ANN,
                          IntegrationType.GMAIL,
                          dev.integrations.core.model.ChatMessage.text("4711", "hi")))
          .isInstanceOf(UnsupportedCapabilityException.class)
          .hasMessageStartingWith("Gmail cannot send messages; it offers: mail");
    }
  }

  @Test
  void a_listener_that_throws_does_not_break_the_connect() {
    try (EmbeddedIntegrations app =
        EmbeddedIntegrations.start(
            config,
            event -> {
              throw new IllegalStateException("the notification service is down");
            })) {
      SentMessage message =
          new Actions(app.integrations()).connectBotAndAnnounce(ANN, StandIns.BOT_TOKEN, "4711");

      assertThat(message.messageId()).isEqualTo(42);
      assertThat(statuses(app.integrations().connections()))
          .containsEntry("telegram", ConnectionStatus.CONNECTED);
    }
  }

  @Test
  void the_listener_of_the_guide_tells_the_user() {
    List<String> told = new CopyOnWriteArrayList<>();
    ConnectionAlerts alerts = new ConnectionAlerts((user, text) -> told.add(user + ": " + text));
    try (EmbeddedIntegrations app = EmbeddedIntegrations.start(config, alerts)) {
      new Actions(app.integrations()).connectBotAndAnnounce(ANN, StandIns.BOT_TOKEN, "4711");
      app.integrations().connections().disconnect(ANN, IntegrationType.TELEGRAM);
    }

    assertThat(told)
        .containsExactly("ann: telegram is connected.", "ann: telegram was disconnected.");
  }

  @Test
  void a_callback_with_a_state_issued_to_someone_else_is_refused_and_nothing_is_connected()
      throws Exception {
    try (EmbeddedIntegrations app = EmbeddedIntegrations.start(config, events::add)) {
      OAuthRoutes routes = new OAuthRoutes(app.integrations());
      HttpUrl back = HttpUrl.get(StandIns.consent(routes.connect(ANN, IntegrationType.GMAIL)));

      String landing =
          routes.callback(
              UserId.of("mallory"),
              back.queryParameter("state"),
              back.queryParameter("code"),
              null);

      assertThat(landing).isEqualTo("/settings/integrations?error=consent_mismatch");
      assertThat(statuses(app.integrations().connections()))
          .containsEntry("gmail", ConnectionStatus.DISCONNECTED);
      assertThat(events).isEmpty();
    }
  }

  @Test
  void a_rotated_key_still_opens_what_the_old_key_sealed() {
    Map<String, String> env = standIns.environment(dir);
    String oldKey = dev.integrations.persistence.EncryptionKeys.generate();
    env.put("INTEGRATIONS_ENCRYPTION_KEY", oldKey);
    try (EmbeddedIntegrations app = EmbeddedIntegrations.start(AppConfig.from(env), events::add)) {
      new Actions(app.integrations()).connectBotAndAnnounce(ANN, StandIns.BOT_TOKEN, "4711");
    }

    env.put("INTEGRATIONS_ENCRYPTION_KEY", dev.integrations.persistence.EncryptionKeys.generate());
    env.put("INTEGRATIONS_ENCRYPTION_OLD_KEYS", oldKey);
    try (EmbeddedIntegrations app = EmbeddedIntegrations.start(AppConfig.from(env), events::add)) {
      assertThat(app.integrations().connections().test(ANN, IntegrationType.TELEGRAM).success())
          .isTrue();
    }
  }

  private List<String> kinds() {
    return events.stream().map(e -> e.kind() + " " + e.type()).toList();
  }

  private static Map<String, ConnectionStatus> statuses(IntegrationService connections) {
    return connections.list(ANN).stream()
        .collect(
            java.util.stream.Collectors.toMap(
                (IntegrationStatus s) -> s.integration().type().value(),
                s -> s.connection().status()));
  }

  private static RecordedRequest only(List<RecordedRequest> calls, String path) {
    List<RecordedRequest> matching =
        calls.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    assertThat(matching).as("requests to " + path).hasSize(1);
    return matching.get(0);
  }

  private static String rawMessage(RecordedRequest send) {
    Matcher raw = Pattern.compile("\"raw\"\\s*:\\s*\"([^\"]+)\"").matcher(send.getBody().utf8());
    assertThat(raw.find()).as("a raw MIME message").isTrue();
    return new String(Base64.getUrlDecoder().decode(raw.group(1)), StandardCharsets.UTF_8);
  }

  private List<Path> databaseFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> db = files.filter(f -> f.getFileName().toString().startsWith("app")).toList();
      assertThat(db).isNotEmpty();
      return db;
    }
  }
}
