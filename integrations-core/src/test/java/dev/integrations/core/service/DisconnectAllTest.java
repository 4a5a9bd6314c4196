package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryTokenStore;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.TestRig;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** disconnectAll: every connection of the user, one outcome each, the shared grant revoked once. */
class DisconnectAllTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final IntegrationType MAIL = IntegrationType.of("fake_mail");
  private static final IntegrationType FILES = IntegrationType.of("fake_files");
  private static final IntegrationType REMOVED = IntegrationType.of("removed_provider");

  private final FakeOAuthProvider mail = provider(MAIL);
  private final FakeOAuthProvider files = provider(FILES);
  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  private final IntegrationService service =
      Integrations.builder()
          .tokenStore(tokens)
          .connectionStore(connections)
          .stateStore(new InMemoryOAuthStateStore())
          .provider(mail, files)
          .redirectUri(URI.create("http://localhost/callback"))
          .build()
          .connections();

  private static FakeOAuthProvider provider(IntegrationType type) {
    return new FakeOAuthProvider(
        new Integration(
            type, type.value(), "A fake", "mail", AuthMethod.OAUTH2, Set.of("s"), "fake"));
  }

  private void connected(UserId user, IntegrationType type) {
    tokens.put(
        user,
        type,
        new Credentials(Secret.of("access-" + type), Secret.of("refresh"), null, Set.of("s")));
    connections.save(Connection.connected(user, type, TestRig.T0, null));
  }

  @Test
  void disconnects_each_connection_in_catalog_order_and_revokes_the_shared_grant_with_the_last() {
    connected(ANN, FILES);
    connected(ANN, MAIL);
    connected(BOB, MAIL);

    var outcomes = service.disconnectAll(ANN);

    assertThat(outcomes).extracting(DisconnectOutcome::type).containsExactly(MAIL, FILES);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.success()).isTrue());
    assertThat(outcomes.get(0).revocation().sharedWith()).containsExactly(FILES);
    assertThat(outcomes.get(1).revocation().revoked()).isTrue();
    assertThat(mail.revokeCalls.get() + files.revokeCalls.get()).isEqualTo(1);
    assertThat(connections.findAll(ANN)).isEmpty();
    assertThat(tokens.find(BOB, MAIL)).isPresent();
    assertThat(service.disconnectAll(ANN)).isEmpty();
  }

  @Test
  void a_connection_that_cannot_be_disconnected_is_reported_and_the_others_still_go() {
    connected(ANN, REMOVED);
    connected(ANN, MAIL);

    var outcomes = service.disconnectAll(ANN);

    assertThat(outcomes).extracting(DisconnectOutcome::type).containsExactly(MAIL, REMOVED);
    assertThat(outcomes.get(0).success()).isTrue();
    assertThat(outcomes.get(1).success()).isFalse();
    assertThat(outcomes.get(1).code()).isEqualTo(ErrorCode.INVALID_INTEGRATION_TYPE);
    assertThat(outcomes.get(1).revocation()).isNull();
    assertThat(connections.find(ANN, MAIL)).isEmpty();
  }
}
