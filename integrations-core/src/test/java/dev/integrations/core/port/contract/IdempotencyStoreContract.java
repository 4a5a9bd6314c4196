package dev.integrations.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.UserId;
import dev.integrations.core.port.IdempotencyStore;
import dev.integrations.core.port.IdempotentCall;
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

/**
 * What every {@link IdempotencyStore} adapter must do. Extend it and supply a fresh, empty store.
 */
public abstract class IdempotencyStoreContract {
  protected static final UserId ANN = UserId.of("ann");
  protected static final UserId BOB = UserId.of("bob");
  protected static final Duration RETENTION = Duration.ofHours(24);

  protected IdempotencyStore store;

  /** A store with no record. */
  protected abstract IdempotencyStore newStore();

  /** Makes every record held now older than {@link #RETENTION}. */
  protected abstract void ageEveryRecordPastRetention();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void the_first_claim_of_a_key_wins() {
    assertThat(store.claim(ANN, "k1", "h1", RETENTION)).isEmpty();
  }

  @Test
  void a_second_claim_finds_the_pending_call() {
    store.claim(ANN, "k1", "h1", RETENTION);

    Optional<IdempotentCall> found = store.claim(ANN, "k1", "h2", RETENTION);

    assertThat(found)
        .hasValueSatisfying(
            call -> {
              assertThat(call.requestHash()).isEqualTo("h1");
              assertThat(call.completed()).isFalse();
              assertThat(call.claimedAt()).isNotNull();
            });
  }

  @Test
  void a_completed_call_gives_its_outcome_to_a_repeat() {
    store.claim(ANN, "k1", "h1", RETENTION);
    store.complete(ANN, "k1", "{\"message_id\":7}");

    assertThat(store.claim(ANN, "k1", "h1", RETENTION))
        .hasValueSatisfying(call -> assertThat(call.outcome()).isEqualTo("{\"message_id\":7}"));
  }

  @Test
  void keys_belong_to_one_user() {
    store.claim(ANN, "k1", "h1", RETENTION);
    store.complete(ANN, "k1", "ann's");

    assertThat(store.claim(BOB, "k1", "h1", RETENTION)).isEmpty();
    assertThat(store.claim(ANN, "k1", "h1", RETENTION))
        .hasValueSatisfying(c -> assertThat(c.outcome()).isEqualTo("ann's"));
  }

  @Test
  void a_released_key_can_be_claimed_again() {
    store.claim(ANN, "k1", "h1", RETENTION);

    store.release(ANN, "k1");

    assertThat(store.claim(ANN, "k1", "h1", RETENTION)).isEmpty();
  }

  @Test
  void a_record_past_its_retention_is_replaced() {
    store.claim(ANN, "k1", "h1", RETENTION);
    store.complete(ANN, "k1", "old");

    ageEveryRecordPastRetention();

    assertThat(store.claim(ANN, "k1", "h2", RETENTION)).isEmpty();
    assertThat(store.claim(ANN, "k1", "h2", RETENTION))
        .hasValueSatisfying(
            c -> {
              assertThat(c.requestHash()).isEqualTo("h2");
              assertThat(c.completed()).isFalse();
            });
  }

  @Test
  void of_concurrent_claims_exactly_one_wins() throws Exception {
    int claimers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Optional<IdempotentCall>>> results = new ArrayList<>();
      for (int i = 0; i < claimers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.claim(ANN, "k1", "h1", RETENTION);
                }));
      }
      start.countDown();
      int wins = 0;
      for (Future<Optional<IdempotentCall>> result : results) {
        wins += result.get(30, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
