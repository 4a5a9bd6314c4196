package dev.integrations.providers.telegram;

import static dev.integrations.providers.telegram.BotApiServer.TOKEN;
import static dev.integrations.providers.telegram.BotApiServer.error;
import static dev.integrations.providers.telegram.BotApiServer.me;
import static dev.integrations.providers.telegram.BotApiServer.sent;
import static dev.integrations.providers.telegram.BotApiServer.tooManyRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.RetrySettings;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bot API calls end by the request deadline however long the client's own timeouts (here 30 s) and
 * retry budget (60 s) are; a message is repeated only after a 429, never after a 5xx.
 */
class TelegramDeadlineTest {
  private static final Credentials STORED = Credentials.ofToken(Secret.of(TOKEN));
  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final Duration SLACK = Duration.ofSeconds(4);
  private static final MockResponse HANG =
      new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();

  private MockWebServer server;
  private ProviderPort telegram;

  @BeforeEach
  void start() throws IOException {
    server = BotApiServer.start();
    telegram =
        TelegramProviders.builder()
            .apiUrl(BotApiServer.url(server))
            .readTimeout(Duration.ofSeconds(30))
            .retries(
                RetrySettings.builder().maxAttempts(4).maxDuration(Duration.ofSeconds(60)).build())
            .build()
            .provider();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private long send() {
    return ((MessagingPort) telegram).send(STORED, ChatMessage.text("42", "hi")).messageId();
  }

  private <T> ProviderException failsWithin(Duration deadline, Supplier<T> call) {
    long start = System.nanoTime();
    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> Deadline.after(deadline).run(call));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline.plus(SLACK));
    return e;
  }

  @Test
  void a_hanging_send_ends_at_the_deadline_as_a_timeout_and_is_sent_once() {
    server.enqueue(HANG);
    server.enqueue(sent(2));

    ProviderException e = failsWithin(DEADLINE, this::send);

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(e).hasMessageContaining("It was not repeated");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_hanging_get_me_ends_at_the_deadline_as_a_timeout() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(HANG);
    }

    ProviderException e = failsWithin(DEADLINE, () -> telegram.test(STORED));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
  }

  @Test
  void a_send_answered_503_is_not_repeated() {
    server.enqueue(error(503, "Service Unavailable"));
    server.enqueue(sent(2));

    ProviderException e = catchThrowableOfType(ProviderException.class, this::send);

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_retry_after_the_deadline_cannot_fit_is_not_waited_for() {
    server.enqueue(tooManyRequests(20));
    server.enqueue(sent(2));

    ProviderException e = failsWithin(Duration.ofSeconds(3), this::send);

    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_retry_after_that_fits_the_deadline_is_waited_for_and_the_message_goes_once() {
    server.enqueue(tooManyRequests(1));
    server.enqueue(sent(2));

    long id = Deadline.after(Duration.ofSeconds(10)).run(this::send);

    assertThat(id).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a_backoff_that_would_overrun_the_deadline_is_not_slept_and_the_last_answer_comes_at_once() {
    TelegramProviders slowBackoff =
        TelegramProviders.builder()
            .apiUrl(BotApiServer.url(server))
            .retries(
                RetrySettings.builder()
                    .maxAttempts(4)
                    .maxDuration(Duration.ofSeconds(60))
                    .backoff(Duration.ofSeconds(20), Duration.ofSeconds(20))
                    .build())
            .build();
    server.enqueue(error(502, "Bad Gateway"));
    server.enqueue(me());

    ProviderException e =
        failsWithin(Duration.ofSeconds(3), () -> slowBackoff.provider().test(STORED));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
