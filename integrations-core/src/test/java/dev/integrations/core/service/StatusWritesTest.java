package dev.integrations.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.UserId;
import dev.integrations.core.testing.TestRig;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A status write that finishes after a disconnect, or after a new connect, changes nothing. */
class StatusWritesTest {
  private static final UserId ANN = UserId.of("ann");
  private static final IntegrationType GMAIL = IntegrationType.GMAIL;

  private final TestRig rig = new TestRig();
  private final IntegrationService service = rig.integrations.connections();

  private void connectGmail(String accessToken) {
    rig.tokens.put(
        ANN,
        GMAIL,
        new Credentials(
            Secret.of(accessToken), Secret.of("r"), null, Set.of("mail.send", "mail.read")));
    rig.connections.save(Connection.connected(ANN, GMAIL, rig.clock.instant(), null));
    rig.oauth.acceptedTokens.add(accessToken);
  }

  /**
   * Holds the provider's test call until released, so a disconnect can happen while it is in
   * flight.
   */
  private CompletableFuture<TestResult> testHeldUntil(
      CountDownLatch entered, CountDownLatch release) {
    rig.oauth.onTest =
        () -> {
          entered.countDown();
          await(release);
        };
    return CompletableFuture.supplyAsync(() -> service.test(ANN, GMAIL));
  }

  @Test
  void a_test_that_passes_after_a_disconnect_does_not_bring_the_connection_back() throws Exception {
    connectGmail("a1");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<TestResult> test = testHeldUntil(entered, release);
    await(entered);

    service.disconnect(ANN, GMAIL);
    rig.events.clear();
    release.countDown();

    assertThat(test.get(10, TimeUnit.SECONDS).success()).isTrue();
    assertThat(rig.connections.find(ANN, GMAIL)).isEmpty();
    assertThat(service.list(ANN).get(0).connection().status().wireName()).isEqualTo("disconnected");
    assertThat(rig.events).isEmpty();
  }

  @Test
  void a_test_that_fails_after_a_disconnect_records_nothing_and_announces_nothing()
      throws Exception {
    connectGmail("a1");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<TestResult> test = testHeldUntil(entered, release);
    await(entered);

    service.disconnect(ANN, GMAIL);
    rig.events.clear();
    rig.oauth.failTest = ErrorCode.PROVIDER_REJECTED;
    release.countDown();

    assertThat(test.get(10, TimeUnit.SECONDS).success()).isFalse();
    assertThat(rig.connections.find(ANN, GMAIL)).isEmpty();
    assertThat(rig.events).extracting(ConnectionEvent::kind).isEmpty();
  }

  @Test
  void a_test_of_the_old_grant_does_not_overwrite_a_new_connect() throws Exception {
    connectGmail("a1");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    rig.oauth.failTest = ErrorCode.PROVIDER_REJECTED;
    CompletableFuture<TestResult> test = testHeldUntil(entered, release);
    await(entered);

    service.disconnect(ANN, GMAIL);
    rig.clock.advance(java.time.Duration.ofSeconds(30));
    connectGmail("a2");
    Connection fresh = rig.connections.find(ANN, GMAIL).orElseThrow();
    release.countDown();

    assertThat(test.get(10, TimeUnit.SECONDS).success()).isFalse();
    assertThat(rig.connections.find(ANN, GMAIL)).contains(fresh);
  }

  @Test
  void testing_after_a_disconnect_says_not_connected() {
    connectGmail("a1");
    service.disconnect(ANN, GMAIL);

    assertThatThrownBy(() -> service.test(ANN, GMAIL)).isInstanceOf(NotConnectedException.class);
    assertThat(rig.connections.find(ANN, GMAIL)).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for the other thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
