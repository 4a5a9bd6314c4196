package dev.integrations.providers.telegram;

import static dev.integrations.providers.telegram.BotApiServer.error;
import static dev.integrations.providers.telegram.BotApiServer.json;
import static dev.integrations.providers.telegram.BotApiServer.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.RetrySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot token sits in every Bot API URL; it must not reach exceptions, toString or logs.
 *
 * <p>Each test uses a bot of its own (a random id and secret): the log it reads back is the lines
 * of that bot in the providers' test log (configured in {@code simplelogger.properties}, so the
 * level does not depend on which test created the loggers first), and no other test can have put
 * its secret there.
 */
class TelegramRedactionTest {
  private static final Path LOG = Path.of("target", "integrations-providers-test.log");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String botId = String.valueOf(100_000_000 + RANDOM.nextInt(800_000_000));
  private final String secretPart = "AA" + randomAlphanumeric(33);
  private final String token = botId + ":" + secretPart;
  private final Credentials stored = Credentials.ofToken(Secret.of(token));

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = BotApiServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The lines this test's bot caused in the log. */
  private String logged() throws IOException {
    try (Stream<String> lines = Files.lines(LOG, StandardCharsets.UTF_8)) {
      return lines
          .filter(line -> line.contains(" bot " + botId + " "))
          .collect(Collectors.joining("\n"));
    }
  }

  /** The whole log: this test's secret must be nowhere in it. */
  private static String wholeLog() throws IOException {
    return Files.readString(LOG, StandardCharsets.UTF_8);
  }

  private static String randomAlphanumeric(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String printed(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out + "\n" + failure;
  }

  private ProviderPort telegram(String apiUrl) {
    return TelegramProviders.builder()
        .apiUrl(apiUrl)
        .retries(
            RetrySettings.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build())
        .build()
        .provider();
  }

  @Test
  void a_description_that_echoes_the_url_is_redacted_in_the_exception_and_the_retry_log()
      throws IOException {
    server.enqueue(
        json(
            429,
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests at /bot"
                + token
                + "/sendMessage\",\"parameters\":{\"retry_after\":0}}"));
    server.enqueue(error(400, "Bad Request: no such chat for /bot" + token + "/sendMessage"));
    MessagingPort telegram = (MessagingPort) telegram(BotApiServer.url(server));

    Throwable failure = catchThrowable(() -> telegram.send(stored, ChatMessage.text("42", "hi")));

    assertThat(failure).hasMessageContaining("no such chat for /bot" + botId + ":***/sendMessage");
    assertThat(printed(failure)).doesNotContain(secretPart);
    assertThat(logged())
        .as("the retry was logged")
        .contains("Telegram sendMessage for bot " + botId + " failed: ")
        .contains("Retrying");
    assertThat(wholeLog()).doesNotContain(secretPart);
  }

  @Test
  void io_failures_and_their_causes_are_printed_without_the_token() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ProviderPort unreachable = telegram("http://127.0.0.1:" + closedPort + "/");

    Throwable testFailure = catchThrowable(() -> unreachable.test(stored));
    Throwable sendFailure =
        catchThrowable(
            () -> ((MessagingPort) unreachable).send(stored, ChatMessage.text("42", "hi")));

    assertThat(testFailure)
        .hasMessageStartingWith("Could not reach Telegram")
        .hasCauseInstanceOf(Exception.class);
    assertThat(printed(testFailure)).doesNotContain(secretPart);
    assertThat(printed(sendFailure)).doesNotContain(secretPart);
    assertThat(logged())
        .as("the retries were logged")
        .contains("Telegram getMe for bot " + botId + " failed")
        .contains("Telegram sendMessage for bot " + botId + " failed");
    assertThat(wholeLog()).doesNotContain(secretPart);
  }

  @Test
  void a_dropped_connection_is_reported_without_the_token() throws IOException {
    server.enqueue(
        new mockwebserver3.MockResponse.Builder(sent(1))
            .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket())
            .build());
    MessagingPort telegram = (MessagingPort) telegram(BotApiServer.url(server));

    Throwable failure = catchThrowable(() -> telegram.send(stored, ChatMessage.text("42", "hi")));

    assertThat(failure).isInstanceOf(ProviderException.class);
    assertThat(printed(failure)).doesNotContain(secretPart);
    assertThat(logged())
        .as("the drop was logged")
        .contains("Telegram sendMessage for bot " + botId + " failed");
    assertThat(wholeLog()).doesNotContain(secretPart);
  }

  @Test
  void nothing_configured_prints_the_token() {
    TelegramProviders providers =
        TelegramProviders.builder().apiUrl(BotApiServer.url(server)).build();

    assertThat(providers.toString()).doesNotContain(secretPart).contains("127.0.0.1");
    assertThat(providers.provider().toString()).doesNotContain(secretPart);
    assertThat(stored.toString()).doesNotContain(secretPart);
  }
}
