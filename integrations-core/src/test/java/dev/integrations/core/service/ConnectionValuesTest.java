package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.TestRig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection values ({@code config}) at connect: only a provider that asks for them takes them. */
class ConnectionValuesTest {
  private static final UserId ANN = UserId.of("ann");
  private static final String TOKEN = "123456:ABC-def_ghi";

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  @Test
  void a_token_provider_that_asks_for_no_values_refuses_them_and_stores_nothing() {
    rig.bot.validTokens.add(TOKEN);

    InvalidRequestException refused =
        catchThrowableOfType(
            InvalidRequestException.class,
            () ->
                service.connect(
                    ConnectCommand.apiKey(
                        ANN,
                        IntegrationType.TELEGRAM,
                        Secret.of(TOKEN),
                        Map.of("phone_number_id", "1"))));

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(refused)
        .hasMessageContaining("takes no connection values")
        .hasMessageContaining("phone_number_id");
    assertThat(rig.bot.validateCalls).hasValue(0);
    assertThat(rig.tokens.find(ANN, IntegrationType.TELEGRAM)).isEmpty();
  }

  @Test
  void an_oauth_connect_refuses_values_before_starting_a_consent() {
    InvalidRequestException refused =
        catchThrowableOfType(
            InvalidRequestException.class,
            () ->
                service.connect(
                    new ConnectCommand(
                        ANN,
                        IntegrationType.GMAIL,
                        null,
                        null,
                        Completion.CALLER,
                        Map.of("tenant", "x"))));

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(rig.states.keepNewest(ANN, IntegrationType.GMAIL, 0))
        .as("no consent was started")
        .isZero();
  }
}
