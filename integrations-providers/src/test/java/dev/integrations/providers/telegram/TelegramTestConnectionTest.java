package dev.integrations.providers.telegram;

import static dev.integrations.providers.telegram.BotApiServer.TOKEN;
import static dev.integrations.providers.telegram.BotApiServer.error;
import static dev.integrations.providers.telegram.BotApiServer.me;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.RetrySettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection test (getMe with the stored token), the catalog entry and revocation. */
class TelegramTestConnectionTest {
  private static final Credentials STORED = Credentials.ofToken(Secret.of(TOKEN));

  private MockWebServer server;
  private ProviderPort telegram;

  @BeforeEach
  void start() throws IOException {
    server = BotApiServer.start();
    telegram =
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
  void passes_with_the_bot_it_acts_as() {
    server.enqueue(me());

    TestResult result = telegram.test(STORED);

    assertThat(result.success()).isTrue();
    assertThat(result.account()).isEqualTo(new Account("123456789", "@alerts_bot"));
    assertThat(result.message()).contains("@alerts_bot");
  }

  @Test
  void a_token_revoked_in_botfather_is_reported_as_rejected_credentials() {
    server.enqueue(error(401, "Unauthorized"));

    assertThatThrownBy(() -> telegram.test(STORED))
        .isInstanceOfSatisfying(
            CredentialsRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED))
        .hasMessageContaining("Unauthorized")
        .hasMessageContaining("@BotFather");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void another_refusal_of_getme_is_a_failed_result_with_telegrams_description() {
    server.enqueue(error(403, "Forbidden: bot was deactivated"));

    TestResult result = telegram.test(STORED);

    assertThat(result.success()).isFalse();
    assertThat(result.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
    assertThat(result.message()).contains("Forbidden: bot was deactivated");
  }

  @Test
  void retries_getme_after_a_server_error_because_it_is_safe_to_repeat() {
    server.enqueue(error(502, "Bad Gateway"));
    server.enqueue(error(500, "Internal Server Error"));
    server.enqueue(me());

    assertThat(telegram.test(STORED).success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void gives_up_on_getme_after_the_bounded_retries() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(error(503, "Service Unavailable"));
    }
    server.enqueue(me());

    assertThatThrownBy(() -> telegram.test(STORED))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE))
        .hasMessageContaining("Service Unavailable");
    assertThat(server.getRequestCount()).as("first attempt and 3 retries").isEqualTo(4);
  }

  @Test
  void is_the_telegram_catalog_entry_for_bot_tokens_with_messaging() {
    assertThat(telegram.integration())
        .isEqualTo(
            new Integration(
                IntegrationType.TELEGRAM,
                "Telegram",
                "Send messages via Telegram bot",
                "message-circle",
                AuthMethod.BOT_TOKEN,
                Set.of(),
                "telegram",
                Set.of(Capability.MESSAGES),
                true));
    assertThat(telegram).isInstanceOf(BotTokenProviderPort.class).isInstanceOf(MessagingPort.class);
  }

  @Test
  void revocation_is_not_offered_and_points_to_botfather() {
    RevocationResult result = telegram.revoke(STORED);

    assertThat(result.attempted()).isFalse();
    assertThat(result.revoked()).isFalse();
    assertThat(result.message()).isEqualTo("Telegram bot tokens are revoked in @BotFather.");
    assertThat(server.getRequestCount()).isZero();
  }
}
