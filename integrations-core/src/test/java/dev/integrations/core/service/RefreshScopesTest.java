package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A refresh proves that a grant is alive, not that it has every scope the integration needs. */
class RefreshScopesTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  /**
   * A grant stored with {@code uncheckedScope} unticked: the connection is in error,
   * missing_scopes.
   */
  private void storeWithout(String uncheckedScope) {
    Set<String> granted =
        Set.of("mail.send", "mail.read").stream()
            .filter(s -> !s.equals(uncheckedScope))
            .collect(Collectors.toSet());
    rig.tokens.put(
        ANN,
        GMAIL,
        new Credentials(Secret.of("a1"), Secret.of("r1"), rig.clock.instant(), granted));
    rig.connections.save(
        Connection.connected(ANN, GMAIL, rig.clock.instant(), null)
            .failed(
                ErrorCode.MISSING_SCOPES, MissingScopesException.describe(Set.of(uncheckedScope))));
  }

  private static TokenGrant grant(Set<String> scopes) {
    return new TokenGrant(Secret.of("a2"), null, Duration.ofHours(1), scopes);
  }

  @Test
  void a_refresh_that_does_not_list_scopes_keeps_the_connection_missing_scopes() {
    storeWithout("mail.send");
    rig.oauth.onRefresh = c -> grant(null);

    service.credentialsFor(ANN, GMAIL);

    Connection connection = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(connection.lastError()).isEqualTo(ErrorCode.MISSING_SCOPES);
    assertThat(connection.lastErrorMessage()).contains("mail.send");
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.REFRESHED);
  }

  @Test
  void a_refresh_that_still_lacks_the_scope_keeps_the_connection_missing_scopes() {
    storeWithout("mail.send");
    rig.oauth.onRefresh = c -> grant(Set.of("mail.read"));

    service.credentialsFor(ANN, GMAIL);

    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().lastError())
        .isEqualTo(ErrorCode.MISSING_SCOPES);
  }

  @Test
  void a_refresh_whose_grant_now_has_every_scope_makes_the_connection_healthy() {
    storeWithout("mail.send");
    rig.oauth.onRefresh = c -> grant(Set.of("mail.read", "mail.send"));

    service.credentialsFor(ANN, GMAIL);

    Connection connection = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(connection.lastError()).isNull();
  }

  @Test
  void a_refresh_that_drops_a_scope_of_a_healthy_connection_marks_it_missing_scopes_and_says_so() {
    rig.tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of("a1"),
            Secret.of("r1"),
            rig.clock.instant(),
            Set.of("mail.read", "mail.send")));
    rig.connections.save(Connection.connected(ANN, GMAIL, rig.clock.instant(), null));
    rig.oauth.onRefresh = c -> grant(Set.of("mail.read"));

    service.credentialsFor(ANN, GMAIL);

    Connection connection = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(connection.lastError()).isEqualTo(ErrorCode.MISSING_SCOPES);
    assertThat(connection.lastErrorMessage()).contains("mail.send").doesNotContain("mail.read");
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind, ConnectionEvent::reason)
        .containsExactly(
            tuple(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED, ErrorCode.MISSING_SCOPES),
            tuple(ConnectionEvent.Kind.REFRESHED, null));
  }
}
