package dev.integrations.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageBucket;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.UsageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UsageStore} adapter must do. Extend it and supply a fresh, empty store. */
public abstract class UsageStoreContract {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final Instant HOUR = Instant.parse("2026-11-21T10:00:00Z");

  protected UsageStore store;

  /** A store with nothing in it. */
  protected abstract UsageStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void counts_calls_and_failures_per_action_in_hourly_buckets() {
    store.record(ANN, IntegrationType.GMAIL, "send_mail", false, HOUR.plusSeconds(10));
    store.record(ANN, IntegrationType.GMAIL, "send_mail", true, HOUR.plusSeconds(20));
    store.record(ANN, IntegrationType.GMAIL, "search_mail", false, HOUR.plusSeconds(30));
    store.record(ANN, IntegrationType.GMAIL, "send_mail", false, HOUR.plusSeconds(3_700));

    assertThat(store.buckets(ANN, IntegrationType.GMAIL, HOUR))
        .containsExactlyInAnyOrder(
            new UsageBucket("send_mail", HOUR, new UsageCount(2, 1), HOUR.plusSeconds(20)),
            new UsageBucket("search_mail", HOUR, new UsageCount(1, 0), HOUR.plusSeconds(30)),
            new UsageBucket(
                "send_mail",
                HOUR.plusSeconds(3_600),
                new UsageCount(1, 0),
                HOUR.plusSeconds(3_700)));
  }

  @Test
  void reads_only_the_connections_buckets_from_the_hour_asked() {
    store.record(ANN, IntegrationType.GMAIL, "send_mail", false, HOUR.minusSeconds(1));
    store.record(ANN, IntegrationType.GMAIL, "send_mail", false, HOUR);
    store.record(ANN, IntegrationType.GOOGLE_DRIVE, "list_files", false, HOUR);
    store.record(BOB, IntegrationType.GMAIL, "send_mail", false, HOUR);

    assertThat(store.buckets(ANN, IntegrationType.GMAIL, HOUR))
        .containsExactly(new UsageBucket("send_mail", HOUR, new UsageCount(1, 0), HOUR));
  }

  @Test
  void totals_each_of_the_users_connections() {
    store.record(ANN, IntegrationType.GMAIL, "send_mail", true, HOUR);
    store.record(ANN, IntegrationType.GMAIL, "search_mail", false, HOUR.plusSeconds(3_600));
    store.record(ANN, IntegrationType.GMAIL, "search_mail", false, HOUR.minusSeconds(3_600));
    store.record(ANN, IntegrationType.TELEGRAM, "send_message", false, HOUR);
    store.record(BOB, IntegrationType.GMAIL, "send_mail", false, HOUR);

    assertThat(store.totalsSince(ANN, HOUR))
        .containsOnly(
            org.assertj.core.api.Assertions.entry(IntegrationType.GMAIL, new UsageCount(2, 1)),
            org.assertj.core.api.Assertions.entry(IntegrationType.TELEGRAM, new UsageCount(1, 0)));
  }

  @Test
  void prune_deletes_the_buckets_before_the_hour_given() {
    store.record(ANN, IntegrationType.GMAIL, "send_mail", false, HOUR.minusSeconds(1));
    store.record(ANN, IntegrationType.GMAIL, "send_mail", false, HOUR);

    assertThat(store.prune(HOUR)).isEqualTo(1);
    assertThat(store.buckets(ANN, IntegrationType.GMAIL, Instant.EPOCH)).hasSize(1);
  }

  @Test
  void concurrent_counters_lose_no_call() throws Exception {
    int threads = 4;
    int calls = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < calls; i++) {
                    store.record(
                        ANN, IntegrationType.GMAIL, "send_mail", i % 5 == 0, HOUR.plusMillis(i));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.totalsSince(ANN, HOUR))
        .containsEntry(IntegrationType.GMAIL, new UsageCount(threads * calls, threads * 5));
  }
}
