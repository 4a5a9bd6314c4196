package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryTokenStore;
import dev.integrations.core.model.Account;
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
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two integrations on one provider client (Gmail and Drive on Google's) connected to one account
 * share one grant, and the provider's revoke ends the whole grant: disconnecting one must not
 * revoke it while the other still relies on it.
 */
class SharedGrantTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final IntegrationType MAIL = IntegrationType.of("fake_mail");
  private static final IntegrationType FILES = IntegrationType.of("fake_files");
  private static final IntegrationType OTHER = IntegrationType.of("other_files");
  private static final Instant T0 = TestRig.T0;

  private final FakeOAuthProvider mail = provider(MAIL, "fake");
  private final FakeOAuthProvider files = provider(FILES, "fake");
  private final FakeOAuthProvider other = provider(OTHER, "other");
  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  private final IntegrationService service =
      Integrations.builder()
          .tokenStore(tokens)
          .connectionStore(connections)
          .stateStore(new InMemoryOAuthStateStore())
          .provider(mail, files, other)
          .redirectUri(URI.create("http://localhost/callback"))
          .build()
          .connections();

  private static FakeOAuthProvider provider(IntegrationType type, String group) {
    return new FakeOAuthProvider(
        new Integration(
            type, type.value(), "A fake", "mail", AuthMethod.OAUTH2, Set.of("s"), group));
  }

  private void connected(UserId user, IntegrationType type, Account account) {
    tokens.put(
        user,
        type,
        new Credentials(Secret.of("access-" + type), Secret.of("refresh"), null, Set.of("s")));
    connections.save(Connection.connected(user, type, T0, account));
  }

  @Test
  void disconnecting_one_of_two_integrations_on_one_grant_forgets_it_here_and_keeps_the_grant() {
    connected(ANN, MAIL, null);
    connected(ANN, FILES, null);

    DisconnectResult result = service.disconnect(ANN, MAIL);

    assertThat(mail.revokeCalls).hasValue(0);
    assertThat(files.revokeCalls).hasValue(0);
    assertThat(result.revocation().attempted()).isFalse();
    assertThat(result.revocation().revoked()).isFalse();
    assertThat(result.revocation().sharedWith()).containsExactly(FILES);
    assertThat(result.revocation().message())
        .isEqualTo(
            "Forgotten here, not revoked at the provider: fake_files still uses the same grant."
                + " Disconnect it too to revoke it.");
    assertThat(tokens.find(ANN, MAIL)).isEmpty();
    assertThat(connections.find(ANN, MAIL)).isEmpty();
    assertThat(tokens.find(ANN, FILES)).isPresent();
  }

  @Test
  void the_last_integration_on_the_grant_revokes_it() {
    connected(ANN, MAIL, null);
    connected(ANN, FILES, null);
    service.disconnect(ANN, MAIL);

    DisconnectResult last = service.disconnect(ANN, FILES);

    assertThat(files.revokeCalls).hasValue(1);
    assertThat(last.revocation().revoked()).isTrue();
    assertThat(last.revocation().sharedWith()).isEmpty();
  }

  @Test
  void the_same_account_on_both_keeps_the_grant() {
    Account ann = new Account("ann@example.com", "ann@example.com");
    connected(ANN, MAIL, ann);
    connected(ANN, FILES, ann);

    DisconnectResult result = service.disconnect(ANN, MAIL);

    assertThat(mail.revokeCalls).hasValue(0);
    assertThat(result.revocation().sharedWith()).containsExactly(FILES);
  }

  @Test
  void different_accounts_are_different_grants_and_the_disconnected_one_is_revoked() {
    connected(ANN, MAIL, new Account("ann@example.com", "ann@example.com"));
    connected(ANN, FILES, new Account("ann.work@example.com", "ann.work@example.com"));

    DisconnectResult result = service.disconnect(ANN, MAIL);

    assertThat(mail.revokeCalls).hasValue(1);
    assertThat(result.revocation().revoked()).isTrue();
    assertThat(result.revocation().sharedWith()).isEmpty();
  }

  @Test
  void another_provider_clients_grant_or_another_users_connection_does_not_hold_it_back() {
    connected(ANN, MAIL, null);
    connected(ANN, OTHER, null);
    connected(BOB, FILES, null);

    DisconnectResult result = service.disconnect(ANN, MAIL);

    assertThat(mail.revokeCalls).hasValue(1);
    assertThat(result.revocation().revoked()).isTrue();
  }

  @Test
  void a_connection_row_without_credentials_does_not_hold_the_grant() {
    connected(ANN, MAIL, null);
    connections.save(Connection.connected(ANN, FILES, T0, null));

    service.disconnect(ANN, MAIL);

    assertThat(mail.revokeCalls).hasValue(1);
  }
}
