package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.error.ReauthorizationRequiredException;
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

class CredentialsForTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  private StoredCredentials storeExpiringIn(Duration lifetime, String access, String refresh) {
    StoredCredentials stored =
        rig.tokens.put(
            ANN,
            GMAIL,
            new Credentials(
                Secret.of(access), Secret.ofNullable(refresh), rig.clock.instant().plus(lifetime), FakeOAuthProvider.SCOPES));
    rig.connections.save(Connection.connected(ANN, GMAIL, rig.clock.instant(), null));
    return stored;
  }

  private static TokenGrant grant(String access, String refresh) {
    return new TokenGrant(Secret.of(access), Secret.ofNullable(refresh), Duration.ofHours(1), null);
  }

  @Test
  void hands_out_stored_credentials_that_do_not_expire_within_a_minute() {
    storeExpiringIn(Duration.ofSeconds(61), "a1", "r1");
    rig.oauth.onRefresh = c -> grant("a2", null);

    assertThat(service.credentialsFor(ANN, GMAIL).accessToken().reveal()).isEqualTo("a1");
    assertThat(rig.oauth.refreshCalls).hasValue(0);
  }

  @Test
  void refreshes_credentials_that_expire_within_a_minute() {
    storeExpiringIn(Duration.ofSeconds(59), "a1", "r1");
    rig.oauth.onRefresh = c -> grant("a2", null);

    Credentials handed = service.credentialsFor(ANN, GMAIL);

    assertThat(handed.accessToken().reveal()).isEqualTo("a2");
    assertThat(handed.expiresAt()).isEqualTo(rig.clock.instant().plus(Duration.ofHours(1)));
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().accessToken().reveal()).isEqualTo("a2");
    assertThat(rig.events).extracting(ConnectionEvent::kind).containsExactly(ConnectionEvent.Kind.REFRESHED);
  }

  @Test
  void a_thousand_concurrent_callers_share_one_refresh_and_all_get_the_new_token() throws Exception {
    StoredCredentials seen = storeExpiringIn(Duration.ofSeconds(-5), "expired", "r1");
    CountDownLatch everyoneWaiting = new CountDownLatch(1);
    rig.oauth.onRefresh = c -> {
      awaitQuietly(everyoneWaiting);
      return grant("fresh", null);
    };
    int callers = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Credentials>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return service.credentialsFor(ANN, GMAIL);
        }));
      }
      start.countDown();
      Thread.sleep(300);
      everyoneWaiting.countDown();
      for (Future<Credentials> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).accessToken().reveal()).isEqualTo("fresh");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rig.oauth.refreshCalls).hasValue(1);
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().version()).isGreaterThan(seen.version());
  }

  @Test
  void keeps_the_stored_refresh_token_when_the_refresh_answer_has_none() {
    storeExpiringIn(Duration.ZERO, "a1", "r1");
    rig.oauth.onRefresh = c -> grant("a2", null);

    service.credentialsFor(ANN, GMAIL);

    Credentials stored = rig.tokens.find(ANN, GMAIL).orElseThrow().credentials();
    assertThat(stored.refreshToken().reveal()).isEqualTo("r1");
    assertThat(stored.scopes()).isEqualTo(FakeOAuthProvider.SCOPES);
  }

  @Test
  void saves_a_rotated_refresh_token_and_refreshes_with_it_next_time() {
    storeExpiringIn(Duration.ZERO, "a1", "r1");
    List<String> refreshTokensUsed = new ArrayList<>();
    rig.oauth.onRefresh = c -> {
      refreshTokensUsed.add(c.refreshToken().reveal());
      return grant("a" + (refreshTokensUsed.size() + 1), "r" + (refreshTokensUsed.size() + 1));
    };

    service.credentialsFor(ANN, GMAIL);
    rig.clock.advance(Duration.ofHours(1));
    service.credentialsFor(ANN, GMAIL);

    assertThat(refreshTokensUsed).containsExactly("r1", "r2");
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().refreshToken().reveal()).isEqualTo("r3");
  }

  @Test
  void invalid_grant_marks_the_connection_for_reauthorization_and_keeps_the_credentials() {
    storeExpiringIn(Duration.ZERO, "a1", "r1");
    rig.oauth.onRefresh = c -> {
      throw new InvalidGrantException("Token has been expired or revoked.");
    };

    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .extracting("code").isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);

    Connection connection = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(connection.lastError()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);
    assertThat(rig.tokens.find(ANN, GMAIL)).isPresent();
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().refreshToken().reveal()).isEqualTo("r1");
    assertThat(rig.events).extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED);
  }

  @Test
  void invalid_grant_after_another_process_refreshed_uses_that_refresh() {
    StoredCredentials seen = storeExpiringIn(Duration.ZERO, "a1", "r1");
    rig.oauth.onRefresh = c -> {
      // Another process refreshed first and rotated the refresh token, so ours is now refused.
      rig.tokens.compareAndSet(ANN, GMAIL, seen.version(),
          new Credentials(Secret.of("theirs"), Secret.of("r2"), rig.clock.instant().plus(Duration.ofHours(1)), FakeOAuthProvider.SCOPES));
      throw new InvalidGrantException("Token has been expired or revoked.");
    };

    Credentials handed = service.credentialsFor(ANN, GMAIL);

    assertThat(handed.accessToken().reveal()).isEqualTo("theirs");
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(rig.events).isEmpty();
  }

  @Test
  void a_process_that_loses_the_write_race_keeps_the_other_process_refresh() {
    TestRig otherProcess = rig.sharingStoresWith();
    StoredCredentials seen = storeExpiringIn(Duration.ZERO, "a1", "r1");
    otherProcess.oauth.onRefresh = c -> grant("other-access", "other-refresh");
    rig.oauth.onRefresh = c -> {
      // While we wait for the provider, the other process refreshes and writes first.
      otherProcess.integrations.connections().credentialsFor(ANN, GMAIL);
      return grant("our-access", "our-refresh");
    };

    Credentials handed = service.credentialsFor(ANN, GMAIL);

    StoredCredentials stored = rig.tokens.find(ANN, GMAIL).orElseThrow();
    assertThat(stored.version()).isGreaterThan(seen.version());
    assertThat(stored.credentials().refreshToken().reveal()).isEqualTo("other-refresh");
    assertThat(handed.accessToken().reveal()).isEqualTo("other-access");
  }

  @Test
  void an_outage_while_the_token_still_works_hands_out_the_current_token() {
    storeExpiringIn(Duration.ofSeconds(30), "still-valid", "r1");
    rig.oauth.onRefresh = c -> {
      throw new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, "Google is unavailable.");
    };

    assertThat(service.credentialsFor(ANN, GMAIL).accessToken().reveal()).isEqualTo("still-valid");
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
  }

  @Test
  void an_outage_after_expiry_fails_and_changes_nothing() {
    StoredCredentials before = storeExpiringIn(Duration.ofSeconds(-1), "expired", "r1");
    rig.oauth.onRefresh = c -> {
      throw new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, "Google is unavailable.");
    };

    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(ProviderException.class)
        .extracting("code").isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(rig.tokens.find(ANN, GMAIL)).contains(before);
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
  }

  @Test
  void callers_waiting_on_a_failed_refresh_all_get_its_error_and_a_later_call_tries_again() throws Exception {
    storeExpiringIn(Duration.ofSeconds(-1), "expired", "r1");
    CountDownLatch release = new CountDownLatch(1);
    rig.oauth.onRefresh = c -> {
      awaitQuietly(release);
      throw new ProviderException(ErrorCode.PROVIDER_TIMEOUT, "Google did not answer in time.");
    };
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        results.add(pool.submit(() -> service.credentialsFor(ANN, GMAIL)));
      }
      Thread.sleep(200);
      release.countDown();
      for (Future<?> result : results) {
        assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(ProviderException.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rig.oauth.refreshCalls.get()).isBetween(1, 20);
    int afterBurst = rig.oauth.refreshCalls.get();

    rig.oauth.onRefresh = c -> grant("fresh", null);
    assertThat(service.credentialsFor(ANN, GMAIL).accessToken().reveal()).isEqualTo("fresh");
    assertThat(rig.oauth.refreshCalls).hasValue(afterBurst + 1);
  }

  @Test
  void without_credentials_the_integration_is_not_connected() {
    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(NotConnectedException.class)
        .hasMessage("Integration not connected");
  }

  @Test
  void bot_tokens_are_never_refreshed() {
    rig.tokens.put(ANN, IntegrationType.TELEGRAM, Credentials.ofToken(Secret.of("1:abc")));

    assertThat(service.credentialsFor(ANN, IntegrationType.TELEGRAM).accessToken().reveal()).isEqualTo("1:abc");
    assertThat(rig.oauth.refreshCalls).hasValue(0);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
