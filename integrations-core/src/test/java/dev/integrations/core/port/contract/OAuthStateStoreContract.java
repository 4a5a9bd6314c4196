package dev.integrations.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.OAuthStateStore;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OAuthStateStore} adapter must do. Extend it and supply a fresh, empty store.
 */
public abstract class OAuthStateStoreContract {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.500Z");

  protected OAuthStateStore store;

  /** A store with nothing in it. */
  protected abstract OAuthStateStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static AuthorizationRequest request(Instant expiresAt) {
    return new AuthorizationRequest(
        Secret.of("state-" + UUID.randomUUID()),
        UserId.of("ann"),
        IntegrationType.GMAIL,
        Secret.of("verifier-" + UUID.randomUUID()),
        URI.create("http://localhost:8000/api/integrations/callback"),
        expiresAt);
  }

  @Test
  void consume_returns_the_saved_request_with_every_field() {
    AuthorizationRequest saved = request(NOW.plusSeconds(600));
    store.save(saved);

    AuthorizationRequest read = store.consume(saved.state()).orElseThrow();
    assertThat(read).isEqualTo(saved);
    assertThat(read.codeVerifier().reveal()).isEqualTo(saved.codeVerifier().reveal());
  }

  @Test
  void a_browser_bound_request_comes_back_with_its_completion_and_binding_hash() {
    Secret binding = Secret.of("binding-" + UUID.randomUUID());
    AuthorizationRequest saved =
        withCompletion(
            request(NOW.plusSeconds(600)),
            Completion.BROWSER,
            AuthorizationRequest.bindingHashOf(binding));
    store.save(saved);

    AuthorizationRequest read = store.consume(saved.state()).orElseThrow();
    assertThat(read).isEqualTo(saved);
    assertThat(read.completion()).isEqualTo(Completion.BROWSER);
    assertThat(read.isBoundTo(binding)).isTrue();
    assertThat(read.isBoundTo(Secret.of("another-binding"))).isFalse();
  }

  @Test
  void an_api_request_parked_under_its_handle_comes_back_with_its_code_and_only_under_the_handle() {
    AuthorizationRequest pending =
        withCompletion(request(NOW.plusSeconds(600)), Completion.API, null);
    store.save(pending);
    AuthorizationRequest taken = store.consume(pending.state()).orElseThrow();
    assertThat(taken.completion()).isEqualTo(Completion.API);
    assertThat(taken.isParked()).isFalse();
    AuthorizationRequest parked =
        taken.parked(Secret.of("handle-" + UUID.randomUUID()), Secret.of("4/0Aauth-code"));
    store.save(parked);

    assertThat(store.consume(pending.state())).isEmpty();
    AuthorizationRequest read = store.consume(parked.state()).orElseThrow();
    assertThat(read).isEqualTo(parked);
    assertThat(read.parkedCode().reveal()).isEqualTo("4/0Aauth-code");
    assertThat(read.codeVerifier().reveal()).isEqualTo(pending.codeVerifier().reveal());
    assertThat(read.user()).isEqualTo(pending.user());
    assertThat(store.consume(parked.state())).isEmpty();
  }

  private static AuthorizationRequest withCompletion(
      AuthorizationRequest request, Completion completion, String bindingHash) {
    return new AuthorizationRequest(
        request.state(),
        request.user(),
        request.type(),
        request.codeVerifier(),
        request.redirectUri(),
        request.expiresAt(),
        completion,
        bindingHash,
        null);
  }

  @Test
  void a_state_is_consumed_once() {
    AuthorizationRequest saved = request(NOW.plusSeconds(600));
    store.save(saved);

    assertThat(store.consume(saved.state())).isPresent();
    assertThat(store.consume(saved.state())).isEmpty();
  }

  @Test
  void an_unknown_state_gives_nothing() {
    store.save(request(NOW.plusSeconds(600)));

    assertThat(store.consume(Secret.of("never-issued"))).isEmpty();
  }

  @Test
  void of_concurrent_consumers_exactly_one_receives_the_request() throws Exception {
    AuthorizationRequest saved = request(NOW.plusSeconds(600));
    store.save(saved);
    int consumers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(consumers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Optional<AuthorizationRequest>>> results = new ArrayList<>();
      for (int i = 0; i < consumers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.consume(saved.state());
                }));
      }
      start.countDown();
      int received = 0;
      for (Future<Optional<AuthorizationRequest>> result : results) {
        received += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertThat(received).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void delete_expired_removes_only_expired_requests() {
    AuthorizationRequest expired = request(NOW.minusSeconds(1));
    AuthorizationRequest alive = request(NOW.plusSeconds(60));
    store.save(expired);
    store.save(alive);

    assertThat(store.deleteExpired(NOW)).isEqualTo(1);
    assertThat(store.consume(expired.state())).isEmpty();
    assertThat(store.consume(alive.state())).isPresent();
  }

  private static AuthorizationRequest request(
      UserId user, IntegrationType type, Instant expiresAt) {
    AuthorizationRequest base = request(expiresAt);
    return new AuthorizationRequest(
        base.state(), user, type, base.codeVerifier(), base.redirectUri(), base.expiresAt());
  }

  @Test
  void keep_newest_forgets_the_oldest_pending_requests_of_that_user_and_integration_only() {
    List<AuthorizationRequest> anns = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      AuthorizationRequest request =
          request(UserId.of("ann"), IntegrationType.GMAIL, NOW.plusSeconds(600 + i));
      store.save(request);
      anns.add(request);
    }
    AuthorizationRequest annDrive =
        request(UserId.of("ann"), IntegrationType.GOOGLE_DRIVE, NOW.plusSeconds(1));
    AuthorizationRequest bob = request(UserId.of("bob"), IntegrationType.GMAIL, NOW.plusSeconds(1));
    store.save(annDrive);
    store.save(bob);

    assertThat(store.keepNewest(UserId.of("ann"), IntegrationType.GMAIL, 2)).isEqualTo(2);

    assertThat(store.consume(anns.get(0).state())).isEmpty();
    assertThat(store.consume(anns.get(1).state())).isEmpty();
    assertThat(store.consume(anns.get(2).state())).isPresent();
    assertThat(store.consume(anns.get(3).state())).isPresent();
    assertThat(store.consume(annDrive.state())).isPresent();
    assertThat(store.consume(bob.state())).isPresent();
  }

  @Test
  void keep_newest_removes_nothing_under_the_limit() {
    store.save(request(NOW.plusSeconds(600)));

    assertThat(store.keepNewest(UserId.of("ann"), IntegrationType.GMAIL, 5)).isZero();
  }
}
