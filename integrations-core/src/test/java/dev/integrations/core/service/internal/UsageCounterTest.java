package dev.integrations.core.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageBucket;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.UsageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UsageCounterTest {
  private static final ConnectionKey KEY =
      new ConnectionKey(UserId.of("ann"), IntegrationType.GMAIL);
  private static final Instant NOW = Instant.parse("2026-11-21T10:15:00Z");

  @Test
  void a_call_is_counted_without_waiting_for_a_slow_store_and_calls_are_written_as_one_upsert()
      throws Exception {
    CountDownLatch storeMayWrite = new CountDownLatch(1);
    AtomicInteger upserts = new AtomicInteger();
    LocalUsageStore written = new LocalUsageStore();
    UsageStore slow =
        new Delegating(written) {
          @Override
          public void add(
              UserId user, IntegrationType type, String action, Instant at, UsageCount count) {
            try {
              storeMayWrite.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            upserts.incrementAndGet();
            super.add(user, type, action, at, count);
          }
        };
    try (UsageCounter counter = new UsageCounter(slow, Clock.fixed(NOW, ZoneOffset.UTC))) {
      counter.count(KEY, "send_mail", false);
      counter.count(KEY, "send_mail", true);
      counter.count(KEY, "send_mail", false);
      assertThat(upserts).as("nobody waited for the store").hasValue(0);

      storeMayWrite.countDown();
      counter.flush();
    }

    assertThat(written.totalsSince(KEY.user(), Instant.EPOCH))
        .containsEntry(KEY.type(), new UsageCount(3, 1));
    assertThat(upserts).hasValue(1);
  }

  @Test
  void a_store_that_fails_never_fails_the_call() {
    UsageStore failing =
        new Delegating(new LocalUsageStore()) {
          @Override
          public void add(
              UserId user, IntegrationType type, String action, Instant at, UsageCount count) {
            throw new IllegalStateException("database down");
          }
        };
    try (UsageCounter counter = new UsageCounter(failing, Clock.fixed(NOW, ZoneOffset.UTC))) {
      counter.count(KEY, "send_mail", false);
      counter.flush();
    }
  }

  /** A store that hands every call to another. */
  private static class Delegating implements UsageStore {
    private final UsageStore store;

    Delegating(UsageStore store) {
      this.store = store;
    }

    @Override
    public void add(
        UserId user, IntegrationType type, String action, Instant at, UsageCount count) {
      store.add(user, type, action, at, count);
    }

    @Override
    public List<UsageBucket> buckets(UserId user, IntegrationType type, Instant from) {
      return store.buckets(user, type, from);
    }

    @Override
    public Map<IntegrationType, UsageCount> totalsSince(UserId user, Instant from) {
      return store.totalsSince(user, from);
    }

    @Override
    public int prune(Instant before) {
      return store.prune(before);
    }
  }
}
