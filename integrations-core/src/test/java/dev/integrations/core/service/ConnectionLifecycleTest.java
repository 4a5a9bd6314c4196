package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionLifecycleTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final IntegrationType TELEGRAM = IntegrationType.TELEGRAM;
  private static final String TOKEN = "123456:ABC-def_ghi";

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  private void connectTelegram(UserId user) {
    rig.bot.validTokens.add(TOKEN);
    service.connect(ConnectCommand.botToken(user, TELEGRAM, Secret.of(TOKEN)));
  }

  @Test
  void lists_every_integration_disconnected_until_connected() {
    assertThat(service.list(ANN))
        .extracting(s -> s.integration().type(), s -> s.connection().status())
        .containsExactly(
            tuple(IntegrationType.GMAIL, ConnectionStatus.DISCONNECTED),
            tuple(TELEGRAM, ConnectionStatus.DISCONNECTED));

    connectTelegram(ANN);

    IntegrationStatus telegram = service.list(ANN).get(1);
    assertThat(telegram.connection().status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(telegram.connection().account()).isEqualTo(new Account("42", "@fake_bot"));
    assertThat(service.list(BOB).get(1).connection().status())
        .isEqualTo(ConnectionStatus.DISCONNECTED);
  }

  @Test
  void a_bot_token_is_stored_only_after_the_provider_accepted_it() {
    assertThatThrownBy(
            () -> service.connect(ConnectCommand.botToken(ANN, TELEGRAM, Secret.of("999:refused"))))
        .isInstanceOf(InvalidRequestException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);

    assertThat(rig.tokens.find(ANN, TELEGRAM)).isEmpty();
    assertThat(rig.connections.find(ANN, TELEGRAM)).isEmpty();
    assertThat(rig.events).isEmpty();
  }

  @Test
  void a_bot_integration_without_token_is_refused_with_the_original_sentence() {
    assertThatThrownBy(() -> service.connect(new ConnectCommand(ANN, TELEGRAM, null, null)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("bot_token required for Telegram")
        .extracting("code")
        .isEqualTo(ErrorCode.BOT_TOKEN_REQUIRED);
    assertThat(rig.bot.validateCalls).hasValue(0);
  }

  @Test
  void an_unknown_integration_is_refused_with_the_original_sentence() {
    assertThatThrownBy(
            () -> service.connect(ConnectCommand.oauth(ANN, IntegrationType.of("slack"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Invalid integration type")
        .extracting("code")
        .isEqualTo(ErrorCode.INVALID_INTEGRATION_TYPE);
    assertThatThrownBy(() -> IntegrationType.of("Not a type!"))
        .isInstanceOf(IntegrationException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.INVALID_INTEGRATION_TYPE);
  }

  @Test
  void a_passing_test_records_the_sync_time_and_account() {
    connectTelegram(ANN);
    rig.clock.advance(Duration.ofMinutes(5));

    TestResult result = service.test(ANN, TELEGRAM);

    assertThat(result.success()).isTrue();
    assertThat(rig.connections.find(ANN, TELEGRAM).orElseThrow().lastSync())
        .isEqualTo(TestRig.T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void a_revoked_bot_token_fails_the_test_and_marks_the_connection() {
    connectTelegram(ANN);
    rig.bot.validTokens.clear();

    TestResult result = service.test(ANN, TELEGRAM);

    assertThat(result.success()).isFalse();
    assertThat(result.code()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
    assertThat(result.message()).contains("revoked");
    Connection connection = rig.connections.find(ANN, TELEGRAM).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(connection.lastError()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.CONNECTED, ConnectionEvent.Kind.TEST_FAILED);
  }

  @Test
  void testing_or_disconnecting_what_is_not_connected_says_so() {
    connectTelegram(BOB);

    assertThatThrownBy(() -> service.test(ANN, TELEGRAM)).isInstanceOf(NotConnectedException.class);
    assertThatThrownBy(() -> service.disconnect(ANN, TELEGRAM))
        .isInstanceOf(NotConnectedException.class)
        .hasMessage("Integration not connected");
    assertThat(rig.tokens.find(BOB, TELEGRAM)).isPresent();
  }

  @Test
  void disconnect_revokes_and_deletes_credentials_and_connection() {
    rig.tokens.put(
        ANN,
        IntegrationType.GMAIL,
        new Credentials(Secret.of("a"), Secret.of("r"), null, Set.of()));
    rig.connections.save(Connection.connected(ANN, IntegrationType.GMAIL, TestRig.T0, null));

    DisconnectResult result = service.disconnect(ANN, IntegrationType.GMAIL);

    assertThat(result.revocation().revoked()).isTrue();
    assertThat(rig.oauth.revokeCalls).hasValue(1);
    assertThat(rig.tokens.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThat(rig.connections.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.DISCONNECTED);
  }

  @Test
  void a_failed_revocation_is_reported_but_does_not_block_the_delete() {
    rig.tokens.put(
        ANN,
        IntegrationType.GMAIL,
        new Credentials(Secret.of("a"), Secret.of("r"), null, Set.of()));
    rig.oauth.revokeFailure = new IllegalStateException("boom");

    DisconnectResult result = service.disconnect(ANN, IntegrationType.GMAIL);

    assertThat(result.revocation().attempted()).isTrue();
    assertThat(result.revocation().revoked()).isFalse();
    assertThat(rig.tokens.find(ANN, IntegrationType.GMAIL)).isEmpty();
  }

  @Test
  void a_failing_listener_never_breaks_the_operation() {
    TestRig failing = new TestRig();
    IntegrationService withBadListener =
        Integrations.builder()
            .tokenStore(failing.tokens)
            .connectionStore(failing.connections)
            .stateStore(failing.states)
            .provider(failing.bot)
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .build()
            .connections();
    failing.bot.validTokens.add(TOKEN);

    ConnectResult result =
        withBadListener.connect(ConnectCommand.botToken(ANN, TELEGRAM, Secret.of(TOKEN)));

    assertThat(result).isInstanceOf(ConnectResult.Connected.class);
    assertThat(failing.tokens.find(ANN, TELEGRAM)).isPresent();
  }

  @Test
  void events_name_user_integration_and_reason_but_no_secret() {
    connectTelegram(ANN);
    rig.bot.validTokens.clear();
    service.test(ANN, TELEGRAM);

    assertThat(rig.events)
        .allSatisfy(
            e -> {
              assertThat(e.user()).isEqualTo(ANN);
              assertThat(e.type()).isEqualTo(TELEGRAM);
              assertThat(e.toString()).doesNotContain(TOKEN);
            });
    assertThat(rig.events.get(1).reason()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
  }

  @Test
  void sending_through_a_revoked_bot_token_marks_the_connection_and_fails() {
    connectTelegram(ANN);
    rig.bot.validTokens.clear();

    assertThatThrownBy(
            () ->
                rig.integrations
                    .actions()
                    .sendMessage(ANN, TELEGRAM, ChatMessage.text("12345", "hi")))
        .isInstanceOf(CredentialsRejectedException.class);
    assertThat(rig.connections.find(ANN, TELEGRAM).orElseThrow().lastError())
        .isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
  }
}
