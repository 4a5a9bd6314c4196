package dev.integrations.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.HealthState;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.HealthStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link HealthStore} adapter must do. Extend it and supply a fresh, empty store. */
public abstract class HealthStoreContract {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.250Z");

  protected HealthStore store;

  /** A store with nothing in it. */
  protected abstract HealthStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void finds_nothing_in_an_empty_store() {
    assertThat(store.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThat(store.findAll(ANN)).isEmpty();
    assertThat(store.claimDue(T0, T0.plusSeconds(60), 10)).isEmpty();
  }

  @Test
  void returns_a_degraded_record_with_every_field() {
    ConnectionHealth degraded =
        ConnectionHealth.healthy(ANN, IntegrationType.GMAIL, T0, T0.plusSeconds(600))
            .succeeded(T0.plusSeconds(1))
            .failedTransiently(
                ErrorCode.PROVIDER_UNAVAILABLE, "Google did not answer.", T0.plusSeconds(2))
            .failedTransiently(
                ErrorCode.PROVIDER_TIMEOUT, "Google was too slow.", T0.plusSeconds(3));
    store.save(degraded);

    ConnectionHealth read = store.find(ANN, IntegrationType.GMAIL).orElseThrow();
    assertThat(read).isEqualTo(degraded);
    assertThat(read.state()).isEqualTo(HealthState.DEGRADED);
    assertThat(read.failureCount()).isEqualTo(2);
    assertThat(read.firstFailure()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void save_replaces_the_health_but_keeps_the_schedule() {
    ConnectionHealth first =
        ConnectionHealth.healthy(ANN, IntegrationType.GMAIL, T0, T0.plusSeconds(600));
    store.save(first);
    ConnectionHealth refused =
        first
            .refused(ErrorCode.REAUTHORIZATION_REQUIRED, "Connect again.", T0.plusSeconds(5))
            .withNextCheck(T0.plusSeconds(9_999));
    store.save(refused);

    ConnectionHealth read = store.find(ANN, IntegrationType.GMAIL).orElseThrow();
    assertThat(read.state()).isEqualTo(HealthState.REAUTHORIZATION_REQUIRED);
    assertThat(read.lastError()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);
    assertThat(read.nextCheck()).isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void lists_only_the_users_own_records() {
    ConnectionHealth annGmail = ConnectionHealth.healthy(ANN, IntegrationType.GMAIL, T0, T0);
    ConnectionHealth annDrive = ConnectionHealth.healthy(ANN, IntegrationType.GOOGLE_DRIVE, T0, T0);
    store.save(annGmail);
    store.save(annDrive);
    store.save(ConnectionHealth.healthy(BOB, IntegrationType.GMAIL, T0, T0));

    assertThat(store.findAll(ANN)).containsExactlyInAnyOrder(annGmail, annDrive);
  }

  @Test
  void claims_only_what_is_due_soonest_first_and_at_most_the_limit() {
    store.save(ConnectionHealth.healthy(ANN, IntegrationType.GMAIL, T0, T0.plusSeconds(30)));
    store.save(ConnectionHealth.healthy(ANN, IntegrationType.GOOGLE_DRIVE, T0, T0.plusSeconds(10)));
    store.save(ConnectionHealth.healthy(BOB, IntegrationType.GMAIL, T0, T0.plusSeconds(20)));
    store.save(ConnectionHealth.healthy(BOB, IntegrationType.TELEGRAM, T0, T0.plusSeconds(3_600)));

    List<ConnectionHealth> claimed = store.claimDue(T0.plusSeconds(60), T0.plusSeconds(120), 2);

    assertThat(claimed)
        .extracting(ConnectionHealth::user, ConnectionHealth::type)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(ANN, IntegrationType.GOOGLE_DRIVE),
            org.assertj.core.api.Assertions.tuple(BOB, IntegrationType.GMAIL));
  }

  @Test
  void a_claimed_connection_is_not_claimed_again_until_released_or_its_claim_runs_out() {
    store.save(ConnectionHealth.healthy(ANN, IntegrationType.GMAIL, T0, T0));
    assertThat(store.claimDue(T0, T0.plusSeconds(60), 10)).hasSize(1);

    assertThat(store.claimDue(T0.plusSeconds(59), T0.plusSeconds(119), 10)).isEmpty();
    assertThat(store.claimDue(T0.plusSeconds(60), T0.plusSeconds(120), 10)).hasSize(1);
  }

  @Test
  void release_ends_the_claim_and_schedules_the_next_check() {
    store.save(ConnectionHealth.healthy(ANN, IntegrationType.GMAIL, T0, T0));
    store.claimDue(T0, T0.plusSeconds(60), 10);

    store.release(ANN, IntegrationType.GMAIL, T0.plusSeconds(30));

    assertThat(store.find(ANN, IntegrationType.GMAIL).orElseThrow().nextCheck())
        .isEqualTo(T0.plusSeconds(30));
    assertThat(store.claimDue(T0.plusSeconds(29), T0.plusSeconds(90), 10)).isEmpty();
    assertThat(store.claimDue(T0.plusSeconds(30), T0.plusSeconds(90), 10)).hasSize(1);
  }

  @Test
  void delete_forgets_the_record() {
    store.save(ConnectionHealth.healthy(ANN, IntegrationType.GMAIL, T0, T0));

    assertThat(store.delete(ANN, IntegrationType.GMAIL)).isTrue();
    assertThat(store.delete(ANN, IntegrationType.GMAIL)).isFalse();
    assertThat(store.find(ANN, IntegrationType.GMAIL)).isEmpty();
  }

  @Test
  void concurrent_claimers_never_get_the_same_connection() throws Exception {
    int connections = 40;
    for (int i = 0; i < connections; i++) {
      store.save(ConnectionHealth.healthy(UserId.of("user" + i), IntegrationType.GMAIL, T0, T0));
    }
    int claimers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<ConnectionHealth>>> results = new ArrayList<>();
      for (int c = 0; c < claimers; c++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<ConnectionHealth> mine = new ArrayList<>();
                  List<ConnectionHealth> batch;
                  while (!(batch = store.claimDue(T0, T0.plusSeconds(600), 3)).isEmpty()) {
                    mine.addAll(batch);
                  }
                  return mine;
                }));
      }
      start.countDown();
      Set<UserId> seen = new HashSet<>();
      int total = 0;
      for (Future<List<ConnectionHealth>> result : results) {
        for (ConnectionHealth claimed : result.get()) {
          seen.add(claimed.user());
          total++;
        }
      }
      assertThat(total).isEqualTo(connections);
      assertThat(seen).hasSize(connections);
    } finally {
      pool.shutdownNow();
    }
  }
}
