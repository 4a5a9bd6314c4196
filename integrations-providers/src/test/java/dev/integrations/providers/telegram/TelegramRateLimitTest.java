package dev.integrations.providers.telegram;

import static dev.integrations.providers.telegram.BotApiServer.TOKEN;
import static dev.integrations.providers.telegram.BotApiServer.sent;
import static dev.integrations.providers.telegram.BotApiServer.tooManyRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.providers.RetrySettings;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Telegram's flood control: 429 with retry_after is waited out and retried, within bounds. */
class TelegramRateLimitTest {
  private static final Credentials STORED = Credentials.ofToken(Secret.of(TOKEN));

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = BotApiServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private MessagingPort telegram(int maxRetries, Duration maxRetryTime) {
    return (MessagingPort)
        TelegramProviders.builder()
            .apiUrl(BotApiServer.url(server))
            .retries(
                RetrySettings.builder()
                    .maxAttempts(maxRetries + 1)
                    .maxDuration(maxRetryTime)
                    .build())
            .build()
            .provider();
  }

  @Test
  void waits_retry_after_then_sends_once() {
    server.enqueue(tooManyRequests(1));
    server.enqueue(sent(3));
    MessagingPort telegram = telegram(3, Duration.ofSeconds(30));

    long start = System.nanoTime();
    long id = telegram.send(STORED, ChatMessage.text("42", "hi")).messageId();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(id).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void gives_up_as_rate_limited_after_the_bounded_number_of_retries() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(tooManyRequests(1));
    }
    MessagingPort telegram = telegram(2, Duration.ofSeconds(30));

    long start = System.nanoTime();
    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            })
        .hasMessageContaining("Too Many Requests: retry after 1");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(server.getRequestCount()).as("first attempt and 2 retries").isEqualTo(3);
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2))
        .isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void stops_waiting_when_the_total_retry_time_would_be_exceeded() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(tooManyRequests(1));
    }
    // A retry is made only when elapsed + retry_after (1 s) + the largest jitter (250 ms) fits in 3
    // s: the
    // second attempt starts at 1.0-1.25 s (fits: at most 2.5 s + overhead), the third at 2.0-2.5 s
    // (cannot:
    // at least 3.25 s). Exactly three attempts, with up to 0.5 s of scheduling overhead.
    MessagingPort telegram = telegram(10, Duration.ofMillis(3_000));

    long start = System.nanoTime();
    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2))
        .isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void a_wait_longer_than_the_retry_budget_is_reported_at_once_with_telegrams_wait() {
    server.enqueue(tooManyRequests(120));
    server.enqueue(sent(1));
    MessagingPort telegram = telegram(3, Duration.ofSeconds(30));

    long start = System.nanoTime();
    assertThatThrownBy(() -> telegram.send(STORED, ChatMessage.text("42", "hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            })
        .hasMessageContaining("Try again in 120 s");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }
}
