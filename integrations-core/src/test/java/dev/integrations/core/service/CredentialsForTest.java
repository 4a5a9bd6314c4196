package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
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
import dev.integrations.core.testing.Flights;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
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
                Secret.of(access),
                Secret.ofNullable(refresh),
                rig.clock.instant().plus(lifetime),
                FakeOAuthProvider.SCOPES));
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
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("a2");
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.REFRESHED);
  }

  @Test
  void a_thousand_concurrent_callers_share_one_refresh_and_all_get_the_new_token()
      throws Exception {
    StoredCredentials seen = storeExpiringIn(Duration.ofSeconds(-5), "expired", "r1");
    int callers = 1000;
    rig.oauth.onRefresh =
        c -> {
          // Overlap by construction: the provider answers once every caller has read the expired
          // token.
          rig.tokens.awaitReaders(callers, Duration.ofSeconds(60));
          return grant("fresh", null);
        };
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Credentials>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return service.credentialsFor(ANN, GMAIL);
                }));
      }
      start.countDown();
      for (Future<Credentials> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS).accessToken().reveal()).isEqualTo("fresh");
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
    rig.oauth.onRefresh =
        c -> {
          refreshTokensUsed.add(c.refreshToken().reveal());
          return grant("a" + (refreshTokensUsed.size() + 1), "r" + (refreshTokensUsed.size() + 1));
        };

    service.credentialsFor(ANN, GMAIL);
    rig.clock.advance(Duration.ofHours(1));
    service.credentialsFor(ANN, GMAIL);

    assertThat(refreshTokensUsed).containsExactly("r1", "r2");
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().refreshToken().reveal())
        .isEqualTo("r3");
  }

  @Test
  void invalid_grant_marks_the_connection_for_reauthorization_and_keeps_the_credentials() {
    storeExpiringIn(Duration.ZERO, "a1", "r1");
    rig.oauth.onRefresh =
        c -> {
          throw new InvalidGrantException("Token has been expired or revoked.");
        };

    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);

    Connection connection = rig.connections.find(ANN, GMAIL).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(connection.lastError()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);
    assertThat(rig.tokens.find(ANN, GMAIL)).isPresent();
    assertThat(rig.tokens.find(ANN, GMAIL).orElseThrow().credentials().refreshToken().reveal())
        .isEqualTo("r1");
    assertThat(rig.events)
        .extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED);
  }

  @Test
  void invalid_grant_after_another_process_refreshed_uses_that_refresh() {
    StoredCredentials seen = storeExpiringIn(Duration.ZERO, "a1", "r1");
    rig.oauth.onRefresh =
        c -> {
          // Another process refreshed first and rotated the refresh token, so ours is now refused.
          rig.tokens.compareAndSet(
              ANN,
              GMAIL,
              seen.version(),
              new Credentials(
                  Secret.of("theirs"),
                  Secret.of("r2"),
                  rig.clock.instant().plus(Duration.ofHours(1)),
                  FakeOAuthProvider.SCOPES));
          throw new InvalidGrantException("Token has been expired or revoked.");
        };

    Credentials handed = service.credentialsFor(ANN, GMAIL);

    assertThat(handed.accessToken().reveal()).isEqualTo("theirs");
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().status())
        .isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(rig.events).isEmpty();
  }

  @Test
  void
      a_leader_whose_lease_ran_out_loses_the_write_to_the_process_that_took_over_and_keeps_its_refresh() {
    TestRig otherProcess = rig.sharingStoresWith();
    StoredCredentials seen = storeExpiringIn(Duration.ZERO, "a1", "r1");
    otherProcess.oauth.onRefresh = c -> grant("other-access", "other-refresh");
    rig.oauth.onRefresh =
        c -> {
          // We are so slow that our lease runs out; the other process takes over, refreshes and
          // writes first.
          rig.clock.advance(TestRig.LEASE_TTL);
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
    rig.oauth.onRefresh =
        c -> {
          throw new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, "Google is unavailable.");
        };

    assertThat(service.credentialsFor(ANN, GMAIL).accessToken().reveal()).isEqualTo("still-valid");
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().status())
        .isEqualTo(ConnectionStatus.CONNECTED);
  }

  @Test
  void an_outage_after_expiry_fails_and_changes_nothing() {
    StoredCredentials before = storeExpiringIn(Duration.ofSeconds(-1), "expired", "r1");
    rig.oauth.onRefresh =
        c -> {
          throw new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, "Google is unavailable.");
        };

    assertThatThrownBy(() -> service.credentialsFor(ANN, GMAIL))
        .isInstanceOf(ProviderException.class)
        .extracting("code")
        .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(rig.tokens.find(ANN, GMAIL)).contains(before);
    assertThat(rig.connections.find(ANN, GMAIL).orElseThrow().status())
        .isEqualTo(ConnectionStatus.CONNECTED);
  }

  @Test
  void callers_waiting_on_a_failed_refresh_all_get_its_error_and_a_later_call_tries_again()
      throws Exception {
    storeExpiringIn(Duration.ofSeconds(-1), "expired", "r1");
    int callers = 20;
    List<Thread> threads = new CopyOnWriteArrayList<>();
    rig.oauth.onRefresh =
        c -> {
          Flights.awaitAllWaiting(othersThanMe(threads), Duration.ofSeconds(30));
          throw new ProviderException(ErrorCode.PROVIDER_TIMEOUT, "Google did not answer in time.");
        };

    List<Throwable> failures = burst(callers, threads);

    assertThat(failures)
        .hasSize(callers)
        .allSatisfy(
            failure ->
                assertThat(failure)
                    .isInstanceOf(ProviderException.class)
                    .extracting("code")
                    .isEqualTo(ErrorCode.PROVIDER_TIMEOUT));
    assertThat(rig.oauth.refreshCalls).hasValue(1);

    rig.oauth.onRefresh = c -> grant("fresh", null);
    assertThat(service.credentialsFor(ANN, GMAIL).accessToken().reveal()).isEqualTo("fresh");
    assertThat(rig.oauth.refreshCalls).hasValue(2);
  }

  @Test
  void
      a_leader_failing_with_an_error_releases_its_waiters_with_an_internal_error_and_a_later_call_tries_again()
          throws Exception {
    storeExpiringIn(Duration.ofSeconds(-1), "expired", "r1");
    int callers = 20;
    List<Thread> threads = new CopyOnWriteArrayList<>();
    rig.oauth.onRefresh =
        c -> {
          Flights.awaitAllWaiting(othersThanMe(threads), Duration.ofSeconds(30));
          throw new NoClassDefFoundError("com/example/MissingFromTheClasspath");
        };

    List<Throwable> failures = burst(callers, threads);

    assertThat(failures).filteredOn(NoClassDefFoundError.class::isInstance).hasSize(1);
    assertThat(failures)
        .filteredOn(f -> !(f instanceof NoClassDefFoundError))
        .hasSize(callers - 1)
        .allSatisfy(
            failure ->
                assertThat(failure)
                    .isInstanceOf(IntegrationException.class)
                    .extracting("code")
                    .isEqualTo(ErrorCode.INTERNAL_ERROR));
    assertThat(rig.oauth.refreshCalls).hasValue(1);

    rig.oauth.onRefresh = c -> grant("fresh", null);
    assertThat(service.credentialsFor(ANN, GMAIL).accessToken().reveal()).isEqualTo("fresh");
  }

  @Test
  void a_caller_waits_for_a_hanging_refresh_a_bounded_time() throws Exception {
    TestRig shortLeases = new TestRig(Duration.ofMillis(200));
    shortLeases.tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of("expired"),
            Secret.of("r1"),
            shortLeases.clock.instant().minusSeconds(1),
            FakeOAuthProvider.SCOPES));
    CountDownLatch leaderInside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    shortLeases.oauth.onRefresh =
        c -> {
          leaderInside.countDown();
          awaitQuietly(release);
          return grant("late", null);
        };
    IntegrationService slow = shortLeases.integrations.connections();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Credentials> leader = pool.submit(() -> slow.credentialsFor(ANN, GMAIL));
      assertThat(leaderInside.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Credentials> waiter = pool.submit(() -> slow.credentialsFor(ANN, GMAIL));

      assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ProviderException.class)
          .cause()
          .extracting("code")
          .isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
      release.countDown();
      assertThat(leader.get(30, TimeUnit.SECONDS).accessToken().reveal()).isEqualTo("late");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@code callers} concurrent {@code credentialsFor} calls on threads recorded in {@code
   * threads} (all of them recorded before any call starts) and returns how each one failed.
   */
  private List<Throwable> burst(int callers, List<Thread> threads) throws Exception {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            callers,
            task -> {
              Thread thread = new Thread(task);
              threads.add(thread);
              return thread;
            });
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Credentials>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return service.credentialsFor(ANN, GMAIL);
                }));
      }
      start.countDown();
      List<Throwable> failures = new ArrayList<>();
      for (Future<Credentials> result : results) {
        try {
          result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Thread> othersThanMe(List<Thread> threads) {
    return threads.stream().filter(t -> t != Thread.currentThread()).toList();
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

    assertThat(service.credentialsFor(ANN, IntegrationType.TELEGRAM).accessToken().reveal())
        .isEqualTo("1:abc");
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
