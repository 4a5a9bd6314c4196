package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.error.UnsupportedCapabilityException;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionServiceTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;
  private static final MailMessage MAIL =
      MailMessage.text(List.of("bob@example.com"), "Hi", "Hello");

  private final TestRig rig = new TestRig();
  private final ActionService actions = rig.integrations.actions();

  @BeforeEach
  void annHasAnUnexpiredButRevokedAccessToken() {
    rig.tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of("revoked"),
            Secret.of("r1"),
            TestRig.T0.plus(Duration.ofHours(1)),
            FakeOAuthProvider.SCOPES));
    rig.connections.save(Connection.connected(ANN, GMAIL, TestRig.T0, null));
    rig.oauth.onRefresh = c -> new TokenGrant(Secret.of("fresh"), null, Duration.ofHours(1), null);
  }

  @Test
  void a_401_triggers_one_refresh_and_one_retry() {
    rig.oauth.acceptedTokens.add("fresh");

    SentMail sent = actions.sendMail(ANN, GMAIL, MAIL);

    assertThat(sent.id()).isEqualTo("m-2");
    assertThat(rig.oauth.refreshCalls).hasValue(1);
    assertThat(rig.oauth.sendCalls).hasValue(2);
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("fresh");
  }

  @Test
  void a_second_401_is_reported_and_never_loops() {
    assertThatThrownBy(() -> actions.sendMail(ANN, GMAIL, MAIL))
        .isInstanceOf(CredentialsRejectedException.class);
    assertThat(rig.oauth.refreshCalls).hasValue(1);
    assertThat(rig.oauth.sendCalls).hasValue(2);
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().lastError())
        .isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
  }

  @Test
  void an_action_the_integration_does_not_offer_is_refused_naming_what_it_offers() {
    assertThatThrownBy(() -> actions.sendMail(ANN, IntegrationType.TELEGRAM, MAIL))
        .isInstanceOf(UnsupportedCapabilityException.class)
        .hasMessage("Telegram cannot send mail; it offers: messages.")
        .extracting("code")
        .isEqualTo(ErrorCode.UNSUPPORTED_CAPABILITY);
    assertThat(rig.oauth.sendCalls).hasValue(0);
  }

  @Test
  void a_capability_is_checked_before_any_input_is_read() {
    actions.requireCapability(GMAIL, Capability.MAIL);

    assertThatThrownBy(() -> actions.requireCapability(GMAIL, Capability.FILES))
        .isInstanceOf(UnsupportedCapabilityException.class)
        .hasMessage("Gmail cannot list or upload files; it offers: mail, proxy.");
    assertThat(actions.capabilities(IntegrationType.TELEGRAM)).containsExactly(Capability.MESSAGES);
    assertThatThrownBy(() -> actions.capabilities(IntegrationType.of("nowhere")))
        .extracting("code")
        .isEqualTo(ErrorCode.INVALID_INTEGRATION_TYPE);
  }

  @Test
  void acting_without_a_connection_says_not_connected() {
    assertThatThrownBy(() -> actions.sendMail(UserId.of("bob"), GMAIL, MAIL))
        .isInstanceOf(NotConnectedException.class);
    assertThat(rig.oauth.sendCalls).hasValue(0);
  }
}
