package dev.integrations.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.RefreshLease;
import dev.integrations.core.port.RefreshLeases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshLeases} adapter must do. Extend it and supply fresh, empty leases. */
public abstract class RefreshLeasesContract {
  protected static final UserId ANN = UserId.of("ann");
  protected static final UserId BOB = UserId.of("bob");
  protected static final IntegrationType GMAIL = IntegrationType.GMAIL;
  protected static final IntegrationType DRIVE = IntegrationType.GOOGLE_DRIVE;
  protected static final Duration TTL = Duration.ofMinutes(1);

  protected RefreshLeases leases;

  /** Leases with none held. */
  protected abstract RefreshLeases newLeases();

  /**
   * Lets the time of every lease held now run out, as if their holders had died {@link #TTL} ago.
   */
  protected abstract void letEveryLeaseRunOut();

  @BeforeEach
  void createLeases() {
    leases = newLeases();
  }

  @Test
  void takes_a_free_lease() {
    Optional<RefreshLease> lease = leases.tryAcquire(ANN, GMAIL, TTL);

    assertThat(lease)
        .hasValueSatisfying(
            l -> {
              assertThat(l.user()).isEqualTo(ANN);
              assertThat(l.type()).isEqualTo(GMAIL);
            });
  }

  @Test
  void refuses_a_held_lease_to_every_other_taker() {
    leases.tryAcquire(ANN, GMAIL, TTL).orElseThrow();

    assertThat(leases.tryAcquire(ANN, GMAIL, TTL)).isEmpty();
    assertThat(leases.tryAcquire(ANN, GMAIL, TTL)).isEmpty();
  }

  @Test
  void a_released_lease_can_be_taken_again_by_a_new_holder() {
    RefreshLease first = leases.tryAcquire(ANN, GMAIL, TTL).orElseThrow();

    leases.release(first);
    Optional<RefreshLease> second = leases.tryAcquire(ANN, GMAIL, TTL);

    assertThat(second).isPresent();
    assertThat(second.get().holder()).isNotEqualTo(first.holder());
  }

  @Test
  void a_lease_whose_time_ran_out_can_be_taken_over() {
    leases.tryAcquire(ANN, GMAIL, TTL).orElseThrow();

    letEveryLeaseRunOut();

    assertThat(leases.tryAcquire(ANN, GMAIL, TTL)).isPresent();
  }

  @Test
  void a_holder_whose_lease_was_taken_over_cannot_release_the_new_one() {
    RefreshLease late = leases.tryAcquire(ANN, GMAIL, TTL).orElseThrow();
    letEveryLeaseRunOut();
    leases.tryAcquire(ANN, GMAIL, TTL).orElseThrow();

    leases.release(late);

    assertThat(leases.tryAcquire(ANN, GMAIL, TTL)).isEmpty();
  }

  @Test
  void releasing_twice_is_harmless() {
    RefreshLease lease = leases.tryAcquire(ANN, GMAIL, TTL).orElseThrow();

    leases.release(lease);
    leases.release(lease);

    assertThat(leases.tryAcquire(ANN, GMAIL, TTL)).isPresent();
  }

  @Test
  void leases_of_different_connections_are_independent() {
    leases.tryAcquire(ANN, GMAIL, TTL).orElseThrow();

    assertThat(leases.tryAcquire(ANN, DRIVE, TTL)).isPresent();
    assertThat(leases.tryAcquire(BOB, GMAIL, TTL)).isPresent();
    assertThat(leases.tryAcquire(ANN, GMAIL, TTL)).isEmpty();
  }

  @Test
  void of_concurrent_takers_exactly_one_wins() throws Exception {
    int takers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(takers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Optional<RefreshLease>>> results = new ArrayList<>();
      for (int i = 0; i < takers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return leases.tryAcquire(ANN, GMAIL, TTL);
                }));
      }
      start.countDown();
      int wins = 0;
      for (Future<Optional<RefreshLease>> result : results) {
        wins += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void of_concurrent_takers_of_a_lease_that_ran_out_exactly_one_wins() throws Exception {
    leases.tryAcquire(ANN, GMAIL, TTL).orElseThrow();
    letEveryLeaseRunOut();
    of_concurrent_takers_exactly_one_wins();
  }
}
