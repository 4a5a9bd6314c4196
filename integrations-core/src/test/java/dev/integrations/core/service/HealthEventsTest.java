package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.HealthState;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health transitions as in-process listeners see them: REFRESH_FAILED, RECOVERED, and the state
 * recorded.
 */
class HealthEventsTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  @BeforeEach
  void connectedWithAnExpiredToken() {
    rig.tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of("a1"),
            Secret.of("r1"),
            rig.clock.instant().minusSeconds(1),
            FakeOAuthProvider.SCOPES));
    rig.connections.save(Connection.connected(ANN, GMAIL, rig.clock.instant(), null));
  }

  @Test
  void
      a_failed_refresh_degrades_and_is_announced_once_and_the_next_success_announces_the_recovery() {
    rig.oauth.onRefresh =
        c -> {
          throw new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, "The provider is down.");
        };
    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(ProviderException.class);
    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(ProviderException.class);

    ConnectionHealth degraded = service.health(ANN, GMAIL);
    assertThat(degraded.state()).isEqualTo(HealthState.DEGRADED);
    assertThat(degraded.failureCount()).isEqualTo(2);
    assertThat(degraded.lastError()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);

    rig.oauth.onRefresh = c -> new TokenGrant(Secret.of("a2"), null, Duration.ofHours(1), null);
    service.credentialsFor(ANN, GMAIL);

    assertThat(service.health(ANN, GMAIL).state()).isEqualTo(HealthState.HEALTHY);
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind, ConnectionEvent::reason)
        .containsExactly(
            tuple(ConnectionEvent.Kind.REFRESH_FAILED, ErrorCode.PROVIDER_UNAVAILABLE),
            tuple(ConnectionEvent.Kind.REFRESHED, null),
            tuple(ConnectionEvent.Kind.RECOVERED, null));
  }

  @Test
  void a_refused_grant_needs_reauthorization_and_is_not_announced_as_a_refresh_failure() {
    rig.oauth.onRefresh =
        c -> {
          throw new InvalidGrantException("Token has been expired or revoked.");
        };
    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL));

    assertThat(service.health(ANN, GMAIL).state()).isEqualTo(HealthState.REAUTHORIZATION_REQUIRED);
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED);
  }

  @Test
  void a_timeout_never_makes_a_connection_need_reauthorization() {
    rig.oauth.onRefresh =
        c -> {
          throw new ProviderException(ErrorCode.PROVIDER_TIMEOUT, "Too slow.");
        };
    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL));

    assertThat(service.health(ANN, GMAIL).state()).isEqualTo(HealthState.DEGRADED);
  }
}
