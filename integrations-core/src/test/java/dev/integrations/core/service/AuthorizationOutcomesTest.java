package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a completed or refused consent leaves behind: the status row, the events, the error shown.
 */
class AuthorizationOutcomesTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  private String start() {
    return ((ConnectResult.AuthorizationPending) service.connect(ConnectCommand.oauth(ANN, GMAIL)))
        .state()
        .reveal();
  }

  @Test
  void a_completed_consent_stores_a_connected_status_and_tells_the_listeners() {
    rig.oauth.onExchange =
        code -> new TokenGrant(Secret.of("a"), Secret.of("r"), Duration.ofHours(1), null);

    service.completeAuthorization(new AuthorizationCallback(start(), "c1", null, ANN));

    Connection stored = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(stored.status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(stored.connectedAt()).isEqualTo(TestRig.T0);
    assertThat(stored.lastError()).isNull();
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.CONNECTED);
  }

  @Test
  void a_consent_with_unticked_scopes_stores_an_error_status_and_asks_for_reauthorization() {
    rig.oauth.onExchange =
        code ->
            new TokenGrant(
                Secret.of("a"), Secret.of("r"), Duration.ofHours(1), Set.of("mail.send"));

    assertThatThrownBy(
            () ->
                service.completeAuthorization(new AuthorizationCallback(start(), "c1", null, ANN)))
        .isInstanceOf(MissingScopesException.class);

    Connection stored = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(stored.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(stored.lastError()).isEqualTo(ErrorCode.MISSING_SCOPES);
    assertThat(rig.events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED);
              assertThat(event.reason()).isEqualTo(ErrorCode.MISSING_SCOPES);
            });
  }

  @Test
  void an_error_the_provider_names_is_shown_as_a_refusal_with_its_name() {
    assertThatThrownBy(
            () ->
                service.completeAuthorization(
                    new AuthorizationCallback(start(), null, "server_error", ANN)))
        .isInstanceOfSatisfying(
            AuthorizationFailedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
              assertThat(e.integrationType()).contains(GMAIL);
              assertThat(e).hasMessage("The provider refused the authorization: server_error.");
            });
    assertThat(rig.oauth.exchanges).isEmpty();
    assertThat(rig.connections.find(ANN, GMAIL)).isEmpty();
  }

  @Test
  void an_error_that_is_not_an_error_code_is_not_echoed() {
    assertThatThrownBy(
            () ->
                service.completeAuthorization(
                    new AuthorizationCallback(start(), null, "<script>alert(1)</script>", ANN)))
        .isInstanceOfSatisfying(
            AuthorizationFailedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
              assertThat(e)
                  .hasMessage("The provider refused the authorization: unrecognised error.");
            });
  }
}
