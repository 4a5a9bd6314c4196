package dev.integrations.providers.telegram;

import static dev.integrations.providers.telegram.BotApiServer.TOKEN;
import static dev.integrations.providers.telegram.BotApiServer.error;
import static dev.integrations.providers.telegram.BotApiServer.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.providers.RefusingSocketFactory;
import dev.integrations.providers.RetrySettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sendMessage: the request, error mapping, and never sending a message twice. */
class TelegramSendMessageTest {
  private static final Credentials STORED = Credentials.ofToken(Secret.of(TOKEN));
  private static final ObjectMapper JSON = new ObjectMapper();

  private MockWebServer server;
  private MessagingPort telegram;

  @BeforeEach
  void start() throws IOException {
    server = BotApiServer.start();
    telegram = messaging(TelegramProviders.builder().apiUrl(BotApiServer.url(server)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static final RetrySettings FAST_RETRIES =
      RetrySettings.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();

  private static MessagingPort messaging(TelegramProviders.Builder builder) {
    return (MessagingPort) builder.retries(FAST_RETRIES).build().provider();
  }

  @Test
  void posts_the_message_as_json_and_returns_its_id() throws Exception {
    server.enqueue(sent(77));

    long id =
        telegram
            .send(STORED, new ChatMessage("-1001234567890", "<b>Deploy</b> done", "html", true))
            .messageId();

    assertThat(id).isEqualTo(77);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(request.getBody().utf8());
    assertThat(body.get("chat_id").asLong()).isEqualTo(-1001234567890L);
    assertThat(body.get("text").asText()).isEqualTo("<b>Deploy</b> done");
    assertThat(body.get("parse_mode").asText()).isEqualTo("HTML");
    assertThat(body.get("disable_notification").asBoolean()).isTrue();
  }

  @Test
  void sends_a_chat_id_too_long_for_a_java_long_as_the_number_it_is() throws Exception {
    server.enqueue(sent(1));

    telegram.send(STORED, ChatMessage.text("-10012345678901234567", "hi"));

    JsonNode chatId = JSON.readTree(server.takeRequest().getBody().utf8()).get("chat_id");
    assertThat(chatId.isNumber()).isTrue();
    assertThat(chatId.asText()).isEqualTo("-10012345678901234567");
  }

  @Test
  void sends_a_channel_username_as_is_and_omits_unset_options() throws Exception {
    server.enqueue(sent(1));

    telegram.send(STORED, ChatMessage.text("@release_notes", "hello"));

    JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
    assertThat(body.get("chat_id").asText()).isEqualTo("@release_notes");
    assertThat(body.has("parse_mode")).isFalse();
    assertThat(body.has("disable_notification")).isFalse();
  }

  @Test
  void a_bad_request_is_rejected_with_telegrams_description() {
    server.enqueue(error(400, "Bad Request: chat not found"));

    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED))
        .hasMessageContaining("Bad Request: chat not found");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_bot_blocked_by_the_user_is_rejected_with_telegrams_description() {
    server.enqueue(error(403, "Forbidden: bot was blocked by the user"));

    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED))
        .hasMessageContaining("Forbidden: bot was blocked by the user");
  }

  @Test
  void a_revoked_token_is_reported_as_rejected_credentials() {
    server.enqueue(error(401, "Unauthorized"));

    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOf(CredentialsRejectedException.class)
        .hasMessageContaining("Unauthorized");
  }

  @Test
  void a_server_error_after_the_message_was_written_is_not_retried() {
    server.enqueue(error(500, "Internal Server Error"));
    server.enqueue(sent(2));

    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR))
        .hasMessageContaining("Internal Server Error")
        .hasMessageContaining("not repeated");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_bad_gateway_answer_to_a_send_is_unavailable_and_not_retried() {
    server.enqueue(error(502, "Bad Gateway"));
    server.enqueue(sent(2));

    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_read_timeout_after_the_message_was_written_is_not_retried() {
    server.enqueue(new MockResponse.Builder(sent(1)).headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(sent(2));
    MessagingPort impatient =
        messaging(
            TelegramProviders.builder()
                .apiUrl(BotApiServer.url(server))
                .readTimeout(Duration.ofMillis(300)));

    assertThatThrownBy(() -> impatient.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT))
        .hasMessageContaining("not repeated");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_connection_dropped_after_the_message_was_written_is_not_retried() {
    server.enqueue(
        new MockResponse.Builder(sent(1)).onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(sent(2));

    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE))
        .hasMessageContaining("not repeated");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_refused_connection_is_retried_because_nothing_was_sent() {
    server.enqueue(sent(5));
    RefusingSocketFactory sockets = new RefusingSocketFactory(2);
    OkHttpClient shared =
        new OkHttpClient.Builder()
            .socketFactory(sockets)
            .retryOnConnectionFailure(false) // only the adapter's own retries
            .build();
    MessagingPort retrying =
        messaging(TelegramProviders.builder().apiUrl(BotApiServer.url(server)).httpClient(shared));

    long id = retrying.send(STORED, ChatMessage.text("42", "hi")).messageId();

    assertThat(id).isEqualTo(5);
    assertThat(sockets.connects).hasValue(3);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an_unreachable_api_is_unavailable_after_the_bounded_retries() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RefusingSocketFactory sockets = new RefusingSocketFactory(0);
    OkHttpClient shared =
        new OkHttpClient.Builder().socketFactory(sockets).retryOnConnectionFailure(false).build();
    MessagingPort unreachable =
        (MessagingPort)
            TelegramProviders.builder()
                .apiUrl("http://127.0.0.1:" + closedPort + "/")
                .httpClient(shared)
                .retries(FAST_RETRIES.toBuilder().maxAttempts(3).build())
                .build()
                .provider();

    assertThatThrownBy(() -> unreachable.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE))
        .hasMessageStartingWith("Could not reach Telegram");
    assertThat(sockets.connects).hasValue(3);
  }

  @Test
  void formatted_text_longer_than_4096_visible_characters_is_refused_before_calling() {
    String html = "<b>" + "x".repeat(4097) + "</b>";

    assertThatThrownBy(() -> telegram.send(STORED, new ChatMessage("42", html, "HTML", false)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
        .hasMessageContaining("4096")
        .hasMessageContaining("4097");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void markup_does_not_count_towards_the_4096_characters() {
    server.enqueue(sent(9));
    String markdown = "*x*".repeat(4000);

    assertThat(
            telegram.send(STORED, new ChatMessage("42", markdown, "MarkdownV2", false)).messageId())
        .isEqualTo(9);
  }
}
