package dev.integrations.core.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ConcurrentUpdateException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenStore;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The refresher on its own, where the use cases cannot place a test: a 401 for a token another
 * writer already replaced, compare-and-set losses up to the last attempt, and a leader failing with
 * an unexpected exception while another caller waits for it.
 */
class CredentialsRefresherTest {
  private static final UserId ANN = UserId.of("ann");
  private static final ConnectionKey KEY = new ConnectionKey(ANN, IntegrationType.GMAIL);

  private final TestRig rig = new TestRig();
  private final EventPublisher events = new EventPublisher(List.of(rig.events::add), rig.clock);

  private CredentialsRefresher refresher(TokenStore tokens) {
    LeasedRefresh refresh =
        new LeasedRefresh(
            tokens,
            new SingleProcessLeases(),
            new ConnectionRecorder(rig.connections, events, rig.clock),
            events,
            rig.clock,
            Duration.ofSeconds(30),
            dev.integrations.core.port.Telemetry.NONE);
    return new CredentialsRefresher(
        refresh, rig.clock, Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  private Credentials credentials(String access, Duration lifetime) {
    return new Credentials(
        Secret.of(access),
        Secret.of("r1"),
        rig.clock.instant().plus(lifetime),
        FakeOAuthProvider.SCOPES);
  }

  private void store(Credentials credentials) {
    rig.tokens.put(ANN, IntegrationType.GMAIL, credentials);
    rig.connections.save(
        Connection.connected(ANN, IntegrationType.GMAIL, rig.clock.instant(), null));
  }

  private static TokenGrant grant(String access) {
    return new TokenGrant(Secret.of(access), null, Duration.ofHours(1), null);
  }

  @Test
  void a_rejected_token_that_another_writer_already_replaced_is_not_refreshed_again() {
    Credentials rejected = credentials("a1", Duration.ofHours(1));
    store(rejected);
    store(credentials("a2", Duration.ofHours(1)));
    rig.oauth.onRefresh = c -> grant("a3");

    Credentials handed = refresher(rig.tokens).refreshRejected(KEY, rig.oauth, rejected);

    assertThat(handed.accessToken().reveal()).isEqualTo("a2");
    assertThat(rig.oauth.refreshCalls).hasValue(0);
  }

  @Test
  void a_rejected_token_whose_replacement_is_expiring_too_is_refreshed() {
    Credentials rejected = credentials("a1", Duration.ofHours(1));
    store(rejected);
    store(credentials("a2", Duration.ofSeconds(30)));
    rig.oauth.onRefresh = c -> grant("a3");

    Credentials handed = refresher(rig.tokens).refreshRejected(KEY, rig.oauth, rejected);

    assertThat(handed.accessToken().reveal()).isEqualTo("a3");
    assertThat(rig.oauth.refreshCalls).hasValue(1);
  }

  @Test
  void a_refresh_that_loses_the_compare_and_set_twice_lands_on_its_third_attempt() {
    store(credentials("a1", Duration.ofSeconds(10)));
    rig.oauth.onRefresh = c -> grant("fresh-" + rig.oauth.refreshCalls.get());

    Credentials handed = refresher(new LosingStore(rig.tokens, 2)).refreshExpiring(KEY, rig.oauth);

    assertThat(handed.accessToken().reveal()).isEqualTo("fresh-3");
    assertThat(
            rig.tokens
                .find(ANN, IntegrationType.GMAIL)
                .orElseThrow()
                .credentials()
                .accessToken()
                .reveal())
        .isEqualTo("fresh-3");
  }

  @Test
  void a_refresh_that_loses_every_compare_and_set_gives_up_after_three_attempts() {
    store(credentials("a1", Duration.ofSeconds(10)));
    rig.oauth.onRefresh = c -> grant("fresh");

    assertThatThrownBy(
            () ->
                refresher(new LosingStore(rig.tokens, Integer.MAX_VALUE))
                    .refreshExpiring(KEY, rig.oauth))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessageContaining("kept changing while being refreshed");
    assertThat(rig.oauth.refreshCalls).hasValue(3);
  }

  @Test
  void a_caller_waiting_for_a_leader_that_fails_unexpectedly_gets_the_same_exception()
      throws Exception {
    store(credentials("a1", Duration.ofSeconds(10)));
    CountDownLatch leaderRefreshing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException bug = new IllegalStateException("a bug in the provider adapter");
    rig.oauth.onRefresh =
        c -> {
          leaderRefreshing.countDown();
          awaitQuietly(release);
          throw bug;
        };
    CredentialsRefresher refresher = refresher(rig.tokens);

    CompletableFuture<Credentials> leader =
        CompletableFuture.supplyAsync(() -> refresher.refreshExpiring(KEY, rig.oauth));
    assertThat(leaderRefreshing.await(20, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Throwable> waiter = new CompletableFuture<>();
    Thread waiting =
        new Thread(
            () -> {
              try {
                refresher.refreshExpiring(KEY, rig.oauth);
                waiter.complete(null);
              } catch (Throwable t) {
                waiter.complete(t);
              }
            });
    waiting.start();
    awaitWaiting(waiting);
    release.countDown();

    assertThat(waiter.get(20, TimeUnit.SECONDS)).isSameAs(bug);
    assertThat(leader)
        .failsWithin(Duration.ofSeconds(20))
        .withThrowableThat()
        .havingCause()
        .isSameAs(bug);
    assertThat(rig.oauth.refreshCalls).as("the waiter shared the leader's flight").hasValue(1);
  }

  /** Returns once {@code thread} is parked (waiting for the leader's flight); fails after 20 s. */
  private static void awaitWaiting(Thread thread) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    // A waiter's wait is bounded (by the wait limit and its deadline), so it parks with a timeout.
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TIMED_WAITING) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError(
            "the second caller never waited for the first; it is " + thread.getState());
      }
      Thread.onSpinWait();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A token store whose first {@code losses} compare-and-sets fail as if another writer came first.
   */
  private static final class LosingStore implements TokenStore {
    private final TokenStore delegate;
    private final AtomicInteger losses;

    LosingStore(TokenStore delegate, int losses) {
      this.delegate = delegate;
      this.losses = new AtomicInteger(losses);
    }

    @Override
    public Optional<StoredCredentials> find(UserId user, IntegrationType type) {
      return delegate.find(user, type);
    }

    @Override
    public StoredCredentials put(UserId user, IntegrationType type, Credentials credentials) {
      return delegate.put(user, type, credentials);
    }

    @Override
    public boolean compareAndSet(
        UserId user, IntegrationType type, long expectedVersion, Credentials next) {
      if (losses.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        return false;
      }
      return delegate.compareAndSet(user, type, expectedVersion, next);
    }

    @Override
    public boolean delete(UserId user, IntegrationType type) {
      return delegate.delete(user, type);
    }
  }
}
