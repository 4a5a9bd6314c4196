package dev.integrations.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TokenStore} adapter must do. Extend it and supply a fresh, empty store. */
public abstract class TokenStoreContract {
  protected static final UserId ANN = UserId.of("ann");
  protected static final UserId BOB = UserId.of("bob");
  protected static final IntegrationType GMAIL = IntegrationType.GMAIL;
  protected static final IntegrationType DRIVE = IntegrationType.GOOGLE_DRIVE;

  protected TokenStore store;

  /** A store with nothing in it. */
  protected abstract TokenStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static Credentials credentials(String access, String refresh) {
    return new Credentials(
        Secret.of(access),
        Secret.ofNullable(refresh),
        Instant.parse("2026-11-21T10:15:30.123Z"),
        Set.of(
            "https://www.googleapis.com/auth/gmail.send",
            "https://www.googleapis.com/auth/gmail.readonly"));
  }

  @Test
  void finds_nothing_in_an_empty_store() {
    assertThat(store.find(ANN, GMAIL)).isEmpty();
  }

  @Test
  void returns_what_was_put_with_every_field() {
    Credentials written = credentials("ya29.access-é✓", "1//refresh");
    StoredCredentials put = store.put(ANN, GMAIL, written);

    StoredCredentials read = store.find(ANN, GMAIL).orElseThrow();
    assertThat(read.credentials()).isEqualTo(written);
    assertThat(read.credentials().accessToken().reveal()).isEqualTo("ya29.access-é✓");
    assertThat(read.credentials().refreshToken().reveal()).isEqualTo("1//refresh");
    assertThat(read.credentials().expiresAt()).isEqualTo(written.expiresAt());
    assertThat(read.credentials().scopes()).isEqualTo(written.scopes());
    assertThat(read.version()).isEqualTo(put.version());
  }

  @Test
  void keeps_credentials_without_refresh_token_expiry_or_scopes() {
    Credentials botToken = Credentials.ofToken(Secret.of("123456:ABC-def_ghi"));
    store.put(ANN, IntegrationType.TELEGRAM, botToken);

    Credentials read = store.find(ANN, IntegrationType.TELEGRAM).orElseThrow().credentials();
    assertThat(read).isEqualTo(botToken);
    assertThat(read.refreshToken()).isNull();
    assertThat(read.expiresAt()).isNull();
    assertThat(read.scopes()).isEmpty();
  }

  @Test
  void keeps_long_tokens_whole() {
    String longToken = "x".repeat(4096);
    store.put(ANN, GMAIL, credentials(longToken, longToken + "r"));

    Credentials read = store.find(ANN, GMAIL).orElseThrow().credentials();
    assertThat(read.accessToken().reveal()).isEqualTo(longToken);
    assertThat(read.refreshToken().reveal()).isEqualTo(longToken + "r");
  }

  @Test
  void put_replaces_and_moves_the_version_forward() {
    StoredCredentials first = store.put(ANN, GMAIL, credentials("a1", "r1"));
    StoredCredentials second = store.put(ANN, GMAIL, credentials("a2", "r2"));

    assertThat(second.version()).isGreaterThan(first.version());
    assertThat(store.find(ANN, GMAIL).orElseThrow()).isEqualTo(second);
  }

  @Test
  void compare_and_set_with_the_current_version_writes_and_moves_the_version_forward() {
    StoredCredentials first = store.put(ANN, GMAIL, credentials("a1", "r1"));

    boolean written = store.compareAndSet(ANN, GMAIL, first.version(), credentials("a2", "r1"));

    assertThat(written).isTrue();
    StoredCredentials read = store.find(ANN, GMAIL).orElseThrow();
    assertThat(read.credentials().accessToken().reveal()).isEqualTo("a2");
    assertThat(read.version()).isGreaterThan(first.version());
  }

  @Test
  void compare_and_set_with_a_stale_version_changes_nothing() {
    StoredCredentials first = store.put(ANN, GMAIL, credentials("a1", "r1"));
    assertThat(store.compareAndSet(ANN, GMAIL, first.version(), credentials("a2", "r2"))).isTrue();

    boolean written = store.compareAndSet(ANN, GMAIL, first.version(), credentials("lost", "lost"));

    assertThat(written).isFalse();
    assertThat(store.find(ANN, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("a2");
  }

  @Test
  void compare_and_set_never_creates_a_row() {
    assertThat(store.compareAndSet(ANN, GMAIL, 1, credentials("a", "r"))).isFalse();
    assertThat(store.find(ANN, GMAIL)).isEmpty();
  }

  @Test
  void of_concurrent_writers_naming_one_version_exactly_one_wins() throws Exception {
    StoredCredentials first = store.put(ANN, GMAIL, credentials("a0", "r0"));
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String token = "a" + (i + 1);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.compareAndSet(ANN, GMAIL, first.version(), credentials(token, "r0"));
                }));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> result : results) {
        wins += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(store.find(ANN, GMAIL).orElseThrow().version()).isGreaterThan(first.version());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_compare_and_set_from_before_a_delete_and_put_fails_and_keeps_the_new_grant() {
    StoredCredentials old = store.put(ANN, GMAIL, credentials("old-access", "old-refresh"));
    store.delete(ANN, GMAIL);
    StoredCredentials reconnected = store.put(ANN, GMAIL, credentials("new-access", "new-refresh"));

    boolean written = store.compareAndSet(ANN, GMAIL, old.version(), credentials("stale", "stale"));

    assertThat(written).isFalse();
    assertThat(store.find(ANN, GMAIL)).contains(reconnected);
  }

  @Test
  void a_row_created_again_never_repeats_a_version_of_its_earlier_life() {
    List<Long> earlier = new ArrayList<>();
    StoredCredentials row = store.put(ANN, GMAIL, credentials("a0", "r"));
    earlier.add(row.version());
    for (int i = 1; i <= 3; i++) {
      assertThat(store.compareAndSet(ANN, GMAIL, row.version(), credentials("a" + i, "r")))
          .isTrue();
      row = store.find(ANN, GMAIL).orElseThrow();
      earlier.add(row.version());
    }
    store.delete(ANN, GMAIL);

    StoredCredentials reborn = store.put(ANN, GMAIL, credentials("b0", "r"));

    assertThat(earlier).doesNotHaveDuplicates().isSorted().doesNotContain(reborn.version());
    for (long version : earlier) {
      assertThat(store.compareAndSet(ANN, GMAIL, version, credentials("stale", "r"))).isFalse();
    }
    assertThat(store.find(ANN, GMAIL)).contains(reborn);
  }

  @Test
  void delete_removes_and_says_whether_there_was_anything() {
    store.put(ANN, GMAIL, credentials("a", "r"));

    assertThat(store.delete(ANN, GMAIL)).isTrue();
    assertThat(store.find(ANN, GMAIL)).isEmpty();
    assertThat(store.delete(ANN, GMAIL)).isFalse();
  }

  @Test
  void keeps_users_and_integrations_apart() {
    store.put(ANN, GMAIL, credentials("ann-gmail", "r"));
    store.put(ANN, DRIVE, credentials("ann-drive", "r"));
    store.put(BOB, GMAIL, credentials("bob-gmail", "r"));

    assertThat(store.find(ANN, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("ann-gmail");
    assertThat(store.find(ANN, DRIVE).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("ann-drive");
    assertThat(store.find(BOB, GMAIL).orElseThrow().credentials().accessToken().reveal())
        .isEqualTo("bob-gmail");
    assertThat(store.find(BOB, DRIVE)).isEmpty();

    store.delete(ANN, GMAIL);
    assertThat(store.find(BOB, GMAIL)).isPresent();
    assertThat(store.find(ANN, DRIVE)).isPresent();
  }
}
