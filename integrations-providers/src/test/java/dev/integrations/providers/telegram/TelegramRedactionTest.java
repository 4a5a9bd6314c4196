package dev.integrations.providers.telegram;

import static dev.integrations.providers.telegram.BotApiServer.SECRET_PART;
import static dev.integrations.providers.telegram.BotApiServer.TOKEN;
import static dev.integrations.providers.telegram.BotApiServer.error;
import static dev.integrations.providers.telegram.BotApiServer.json;
import static dev.integrations.providers.telegram.BotApiServer.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot token sits in every Bot API URL; it must not reach exceptions, toString or logs. */
class TelegramRedactionTest {
  static {
    // Effective when this class creates the adapter's loggers first; retries log at INFO
    // regardless.
    System.setProperty("org.slf4j.simpleLogger.log.dev.integrations.providers.telegram", "debug");
  }

  private static final Credentials STORED = Credentials.ofToken(Secret.of(TOKEN));

  private MockWebServer server;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void start() throws IOException {
    server = BotApiServer.start();
    originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setErr(originalErr);
    originalErr.print(logged()); // for the report: what the adapter logged
    server.close();
  }

  private String logged() {
    return log.toString(StandardCharsets.UTF_8);
  }

  private static String printed(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out + "\n" + failure;
  }

  private ProviderPort telegram(String apiUrl) {
    return TelegramProviders.builder()
        .apiUrl(apiUrl)
        .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
        .build()
        .provider();
  }

  @Test
  void a_description_that_echoes_the_url_is_redacted_in_the_exception_and_the_retry_log() {
    server.enqueue(
        json(
            429,
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests at /bot"
                + TOKEN
                + "/sendMessage\",\"parameters\":{\"retry_after\":0}}"));
    server.enqueue(error(400, "Bad Request: no such chat for /bot" + TOKEN + "/sendMessage"));
    MessagingPort telegram = (MessagingPort) telegram(BotApiServer.url(server));

    Throwable failure = catchThrowable(() -> telegram.send(STORED, ChatMessage.text("42", "hi")));

    assertThat(failure).hasMessageContaining("no such chat for /bot123456789:***/sendMessage");
    assertThat(printed(failure)).doesNotContain(SECRET_PART);
    assertThat(logged()).as("the retry was logged").contains("sendMessage").contains("Retrying");
    assertThat(logged()).doesNotContain(SECRET_PART);
  }

  @Test
  void io_failures_and_their_causes_are_printed_without_the_token() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ProviderPort unreachable = telegram("http://127.0.0.1:" + closedPort + "/");

    Throwable testFailure = catchThrowable(() -> unreachable.test(STORED));
    Throwable sendFailure =
        catchThrowable(
            () -> ((MessagingPort) unreachable).send(STORED, ChatMessage.text("42", "hi")));

    assertThat(testFailure)
        .hasMessageStartingWith("Could not reach Telegram")
        .hasCauseInstanceOf(Exception.class);
    assertThat(printed(testFailure)).doesNotContain(SECRET_PART);
    assertThat(printed(sendFailure)).doesNotContain(SECRET_PART);
    assertThat(logged()).as("the retries were logged").contains("getMe").contains("sendMessage");
    assertThat(logged()).doesNotContain(SECRET_PART);
  }

  @Test
  void a_dropped_connection_is_reported_without_the_token() {
    server.enqueue(
        new mockwebserver3.MockResponse.Builder(sent(1))
            .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket())
            .build());
    MessagingPort telegram = (MessagingPort) telegram(BotApiServer.url(server));

    Throwable failure = catchThrowable(() -> telegram.send(STORED, ChatMessage.text("42", "hi")));

    assertThat(failure).isNotNull();
    assertThat(printed(failure)).doesNotContain(SECRET_PART);
    assertThat(logged()).doesNotContain(SECRET_PART);
  }

  @Test
  void nothing_configured_prints_the_token() {
    TelegramProviders providers =
        TelegramProviders.builder().apiUrl(BotApiServer.url(server)).build();

    assertThat(providers.toString()).doesNotContain(SECRET_PART).contains("127.0.0.1");
    assertThat(providers.provider().toString()).doesNotContain(SECRET_PART);
    assertThat(STORED.toString()).doesNotContain(SECRET_PART);
  }
}
