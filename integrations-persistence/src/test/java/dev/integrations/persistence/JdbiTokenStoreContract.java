package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenStore;
import dev.integrations.core.port.contract.TokenStoreContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link TokenStore} contract, plus what only a shared database can get wrong, on one database.
 */
abstract class JdbiTokenStoreContract extends TokenStoreContract {
  @TempDir Path directory;
  TestDatabase database;

  abstract TestDatabase database(Path directory);

  @Override
  protected TokenStore newStore() {
    database = database(directory);
    return database.stores().tokenStore();
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void concurrent_first_puts_all_land_one_after_another() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<StoredCredentials>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String token = "a" + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.put(ANN, GMAIL, credentials(token, "r"));
                }));
      }
      start.countDown();
      List<Long> versions = new ArrayList<>();
      for (Future<StoredCredentials> result : results) {
        versions.add(result.get(30, TimeUnit.SECONDS).version());
      }
      long first = versions.stream().mapToLong(Long::longValue).min().orElseThrow();
      assertThat(versions)
          .containsExactlyInAnyOrder(
              first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6, first + 7);
      assertThat(store.find(ANN, GMAIL).orElseThrow().version()).isEqualTo(first + 7);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keeps_the_expiry_to_the_microsecond() {
    Instant expiry = Instant.parse("2026-11-21T10:15:30.123456Z");
    Credentials written = new Credentials(Secret.of("a"), null, expiry, Set.of("s"));
    store.put(ANN, GMAIL, written);

    assertThat(store.find(ANN, GMAIL).orElseThrow().credentials().expiresAt()).isEqualTo(expiry);
  }

  @Test
  void versions_move_forward_by_one_through_puts_and_compare_and_sets() {
    StoredCredentials first = store.put(ANN, GMAIL, credentials("a1", "r"));
    assertThat(store.compareAndSet(ANN, GMAIL, first.version(), credentials("a2", "r"))).isTrue();
    assertThat(store.put(ANN, GMAIL, credentials("a3", "r")).version())
        .isEqualTo(first.version() + 2);
    assertThat(store.find(ANN, GMAIL).orElseThrow().version()).isEqualTo(first.version() + 2);
  }
}
