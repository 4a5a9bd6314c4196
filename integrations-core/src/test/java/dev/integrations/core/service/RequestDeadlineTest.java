package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryTokenStore;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.FakeOAuthProvider;
import dev.integrations.core.testing.MutableClock;
import dev.integrations.core.testing.TestRig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every use case that may call a provider runs within one request deadline, waits included. */
class RequestDeadlineTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;
  private static final MailMessage MAIL =
      MailMessage.text(List.of("bob@example.com"), "Hi", "Hello");

  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private final FakeOAuthProvider oauth = new FakeOAuthProvider();

  private Integrations integrations(Duration requestDeadline) {
    return Integrations.builder()
        .tokenStore(tokens)
        .connectionStore(new InMemoryConnectionStore())
        .stateStore(new InMemoryOAuthStateStore())
        .provider(oauth)
        .clock(new MutableClock(TestRig.T0))
        .redirectUri(TestRig.REDIRECT)
        .requestDeadline(requestDeadline)
        .build();
  }

  private void annHasAnExpiringToken() {
    tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of("old"),
            Secret.of("r1"),
            TestRig.T0.plusSeconds(10),
            FakeOAuthProvider.SCOPES));
  }

  @Test
  void one_deadline_spans_the_refresh_the_call_the_refresh_after_a_401_and_the_second_call() {
    annHasAnExpiringToken();
    List<Deadline> seenByRefreshes = new CopyOnWriteArrayList<>();
    oauth.onRefresh =
        c -> {
          seenByRefreshes.add(Deadline.current());
          return new TokenGrant(
              Secret.of("fresh-" + seenByRefreshes.size()), null, Duration.ofHours(1), null);
        };

    assertThatThrownBy(
            () -> integrations(Duration.ofSeconds(7)).actions().sendMail(ANN, GMAIL, MAIL))
        .isInstanceOf(CredentialsRejectedException.class);

    assertThat(seenByRefreshes).hasSize(2);
    assertThat(seenByRefreshes.get(0)).isSameAs(seenByRefreshes.get(1));
    assertThat(seenByRefreshes.get(0).timeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(oauth.sendCalls).hasValue(2);
    assertThat(Deadline.current().isBounded())
        .as("nothing left behind on the caller's thread")
        .isFalse();
  }

  @Test
  void a_caller_waiting_for_another_callers_refresh_gives_up_at_its_own_deadline()
      throws Exception {
    annHasAnExpiringToken();
    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    oauth.onRefresh =
        c -> {
          refreshing.countDown();
          await(release);
          return new TokenGrant(Secret.of("fresh"), null, Duration.ofHours(1), null);
        };
    Integrations integrations = integrations(Duration.ofMillis(300));
    CompletableFuture<Credentials> leader =
        CompletableFuture.supplyAsync(
            () -> Deadline.none().run(() -> integrations.connections().credentialsFor(ANN, GMAIL)));
    assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Credentials> waiter =
        CompletableFuture.supplyAsync(() -> integrations.connections().credentialsFor(ANN, GMAIL));
    try {
      assertThat(waiter)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT));
    } finally {
      release.countDown();
    }
    assertThat(leader.get(10, TimeUnit.SECONDS).accessToken().reveal()).isEqualTo("fresh");
    assertThat(oauth.refreshCalls).hasValue(1);
  }

  @Test
  void a_caller_may_set_a_shorter_deadline_around_a_call() {
    annHasAnExpiringToken();
    List<Deadline> seen = new CopyOnWriteArrayList<>();
    oauth.onRefresh =
        c -> {
          seen.add(Deadline.current());
          return new TokenGrant(Secret.of("fresh"), null, Duration.ofHours(1), null);
        };
    Deadline mine = Deadline.after(Duration.ofSeconds(2));

    mine.run(() -> integrations(Duration.ofSeconds(15)).connections().credentialsFor(ANN, GMAIL));

    assertThat(seen).containsExactly(mine);
  }

  @Test
  void the_request_deadline_must_be_positive() {
    assertThatThrownBy(() -> Integrations.builder().requestDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
