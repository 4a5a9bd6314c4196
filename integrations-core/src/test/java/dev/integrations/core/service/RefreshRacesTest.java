package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ConcurrentUpdateException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A refresh racing a disconnect and reconnect, another writer, or another process. */
class RefreshRacesTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  private Credentials expiringIn(Duration lifetime, String access, String refresh) {
    return new Credentials(
        Secret.of(access),
        Secret.of(refresh),
        rig.clock.instant().plus(lifetime),
        FakeOAuthProvider.SCOPES);
  }

  private StoredCredentials connect(Credentials credentials) {
    StoredCredentials stored = rig.tokens.put(ANN, GMAIL, credentials);
    rig.connections.save(Connection.connected(ANN, GMAIL, rig.clock.instant(), null));
    return stored;
  }

  private static TokenGrant grant(String access, String refresh) {
    return new TokenGrant(Secret.of(access), Secret.ofNullable(refresh), Duration.ofHours(1), null);
  }

  /** What a completed consent stores (see OAuthFlow): a new grant and a connected status. */
  private Credentials disconnectAndReconnect() {
    service.disconnect(ANN, GMAIL);
    Credentials fresh = expiringIn(Duration.ofHours(1), "new-access", "new-refresh");
    connect(fresh);
    rig.events.clear();
    return fresh;
  }

  @Test
  void a_refresh_in_flight_across_a_disconnect_and_reconnect_does_not_overwrite_the_new_grant() {
    connect(expiringIn(Duration.ZERO, "old-access", "old-refresh"));
    List<Credentials> reconnected = new ArrayList<>();
    rig.oauth.onRefresh =
        c -> {
          reconnected.add(disconnectAndReconnect());
          return grant("stale-access", "stale-refresh");
        };

    Credentials handed = service.credentialsFor(ANN, GMAIL);

    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials())
        .isEqualTo(reconnected.get(0));
    assertThat(handed).isEqualTo(reconnected.get(0));
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().status())
        .isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(rig.events).isEmpty();
  }

  @Test
  void a_refusal_of_the_old_grant_across_a_disconnect_and_reconnect_does_not_mark_the_new_one() {
    connect(expiringIn(Duration.ZERO, "old-access", "old-refresh"));
    List<Credentials> reconnected = new ArrayList<>();
    rig.oauth.onRefresh =
        c -> {
          // The disconnect revoked the old grant at the provider, so its refresh is refused.
          reconnected.add(disconnectAndReconnect());
          throw new InvalidGrantException("Token has been expired or revoked.");
        };

    Credentials handed = service.credentialsFor(ANN, GMAIL);

    assertThat(handed).isEqualTo(reconnected.get(0));
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials())
        .isEqualTo(reconnected.get(0));
    Connection connection = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(connection.lastError()).isNull();
    assertThat(rig.events).isEmpty();
  }

  @Test
  void a_refusal_after_a_disconnect_ends_as_not_connected_and_brings_nothing_back() {
    connect(expiringIn(Duration.ZERO, "old-access", "old-refresh"));
    rig.oauth.onRefresh =
        c -> {
          service.disconnect(ANN, GMAIL);
          rig.events.clear();
          throw new InvalidGrantException("Token has been expired or revoked.");
        };

    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(NotConnectedException.class);

    assertThat(rig.tokens.find(ANN, GMAIL)).isEmpty();
    assertThat(rig.connections.find(ANN, GMAIL)).isEmpty();
    assertThat(rig.events).isEmpty();
  }

  @Test
  void a_write_race_lost_again_and_again_answers_concurrent_update_and_overwrites_nothing() {
    connect(expiringIn(Duration.ZERO, "a0", "r0"));
    rig.oauth.onRefresh =
        c -> {
          // Another writer replaces the credentials (with ones that need a refresh too) every time.
          rig.tokens.put(
              ANN,
              GMAIL,
              expiringIn(Duration.ZERO, "theirs-" + rig.oauth.refreshCalls.get(), "r0"));
          return grant("ours", "ours");
        };

    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(ConcurrentUpdateException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.CONCURRENT_UPDATE);

    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("theirs-" + rig.oauth.refreshCalls.get());
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .doesNotContain(ConnectionEvent.Kind.REFRESHED);
  }

  @Test
  void two_processes_sharing_the_stores_refresh_once_for_all_their_callers() throws Exception {
    TestRig otherProcess = rig.sharingStoresWith();
    StoredCredentials seen = connect(expiringIn(Duration.ofSeconds(-5), "expired", "r1"));
    int callers = 32;
    for (TestRig process : List.of(rig, otherProcess)) {
      process.oauth.onRefresh =
          c -> {
            // The provider answers once every caller, in either process, has read the expired
            // token.
            rig.tokens.awaitReaders(callers, Duration.ofSeconds(30));
            return grant("fresh", "r2");
          };
    }
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Credentials>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        IntegrationService process = (i % 2 == 0 ? rig : otherProcess).integrations.connections();
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return process.credentialsFor(ANN, GMAIL);
                }));
      }
      start.countDown();
      for (Future<Credentials> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).accessToken().reveal()).isEqualTo("fresh");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rig.oauth.refreshCalls.get() + otherProcess.oauth.refreshCalls.get()).isEqualTo(1);
    StoredCredentials stored = rig.tokens.find(ANN, GMAIL).orElseThrow();
    assertThat(stored.version()).isGreaterThan(seen.version());
    assertThat(stored.credentials().refreshToken().reveal()).isEqualTo("r2");
  }
}
