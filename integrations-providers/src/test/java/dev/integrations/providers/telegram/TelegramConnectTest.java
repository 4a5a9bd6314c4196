package dev.integrations.providers.telegram;

import static dev.integrations.providers.telegram.BotApiServer.TOKEN;
import static dev.integrations.providers.telegram.BotApiServer.error;
import static dev.integrations.providers.telegram.BotApiServer.me;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.providers.RetrySettings;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connecting a bot: the token's shape is checked locally, then Telegram's getMe says whose it is.
 */
class TelegramConnectTest {
  private MockWebServer server;
  private BotTokenProviderPort telegram;

  @BeforeEach
  void start() throws IOException {
    server = BotApiServer.start();
    telegram =
        (BotTokenProviderPort)
            TelegramProviders.builder()
                .apiUrl(BotApiServer.url(server))
                .retries(
                    RetrySettings.builder()
                        .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                        .build())
                .build()
                .provider();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_valid_token_gives_the_bots_id_and_username() throws InterruptedException {
    server.enqueue(me());

    Account bot = telegram.validate(Secret.of(TOKEN));

    assertThat(bot).isEqualTo(new Account("123456789", "@alerts_bot"));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/bot" + TOKEN + "/getMe");
  }

  @Test
  void a_base_url_with_a_path_prefix_is_kept() throws InterruptedException {
    server.enqueue(me());
    BotTokenProviderPort behindProxy =
        (BotTokenProviderPort)
            TelegramProviders.builder()
                .apiUrl(BotApiServer.url(server) + "telegram/")
                .build()
                .provider();

    behindProxy.validate(Secret.of(TOKEN));

    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/telegram/bot" + TOKEN + "/getMe");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-token",
        "123456789",
        "123456789:secret with spaces",
        "abc:AAHdqTcvCH1vGWJx"
      })
  void a_malformed_token_is_refused_before_any_request(String malformed) {
    assertThatThrownBy(() -> telegram.validate(Secret.of(malformed)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS))
        .hasMessageContaining("looks like 4839574812:")
        .hasMessageContaining("@BotFather");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void a_token_telegram_rejects_is_refused_with_telegrams_description() {
    server.enqueue(error(401, "Unauthorized"));

    assertThatThrownBy(() -> telegram.validate(Secret.of(TOKEN)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS))
        .hasMessage("Telegram rejected the bot token: Unauthorized");
    assertThat(server.getRequestCount()).as("a rejection is not retried").isEqualTo(1);
  }

  @Test
  void a_token_of_an_unknown_bot_answered_404_is_a_rejected_token() {
    server.enqueue(error(404, "Not Found"));

    assertThatThrownBy(() -> telegram.validate(Secret.of(TOKEN)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS))
        .hasMessage("Telegram rejected the bot token: Not Found");
  }
}
