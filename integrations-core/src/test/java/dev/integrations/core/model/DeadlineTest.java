package dev.integrations.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  private final AtomicLong nanos = new AtomicLong(1_000);

  private Deadline after(Duration timeout) {
    return Deadline.after(timeout, nanos::get);
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  @Test
  void remaining_time_shrinks_with_the_clock_and_stops_at_zero() {
    Deadline deadline = after(Duration.ofSeconds(15));
    advance(Duration.ofSeconds(10));

    assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(5));
    assertThat(deadline.isExpired()).isFalse();
    assertThat(deadline.allows(Duration.ofSeconds(5))).isTrue();
    assertThat(deadline.allows(Duration.ofSeconds(6))).isFalse();
    assertThat(deadline.limit(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(5));
    assertThat(deadline.limit(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));

    advance(Duration.ofSeconds(6));

    assertThat(deadline.remaining()).isZero();
    assertThat(deadline.isExpired()).isTrue();
  }

  @Test
  void outside_any_request_there_is_no_deadline() {
    assertThat(Deadline.current().isBounded()).isFalse();
    assertThat(Deadline.current().isExpired()).isFalse();
    assertThat(Deadline.current().allows(Duration.ofDays(365))).isTrue();
  }

  @Test
  void a_deadline_is_current_only_while_its_work_runs() {
    Deadline deadline = after(Duration.ofSeconds(15));

    Deadline seen = deadline.run(Deadline::current);

    assertThat(seen).isSameAs(deadline);
    assertThat(Deadline.current().isBounded()).isFalse();
  }

  @Test
  void a_nested_request_never_gets_more_time_than_the_one_around_it() {
    Deadline outer = after(Duration.ofSeconds(2));
    Deadline longer = after(Duration.ofSeconds(15));
    Deadline shorter = after(Duration.ofSeconds(1));

    assertThat(outer.run(() -> longer.run(Deadline::current))).isSameAs(outer);
    assertThat(outer.run(() -> shorter.run(Deadline::current))).isSameAs(shorter);
    assertThat(
            outer.run(
                () -> {
                  shorter.run(() -> null);
                  return Deadline.current();
                }))
        .isSameAs(outer);
  }

  @Test
  void the_current_deadline_is_restored_when_the_work_throws() {
    Deadline deadline = after(Duration.ofSeconds(15));

    assertThatThrownBy(
            () ->
                deadline.run(
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(Deadline.current().isBounded()).isFalse();
  }

  @Test
  void running_out_is_a_provider_timeout_that_names_the_deadline() {
    ProviderException e = after(Duration.ofSeconds(15)).exceeded("Gmail");

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(e)
        .hasMessage("Gmail did not answer in time: the request's deadline of 15 s ran out.");
    assertThat(after(Duration.ofMillis(1500)).exceeded("Telegram"))
        .hasMessageContaining("deadline of 1.5 s");
  }

  @Test
  void waiting_for_other_work_ends_at_the_deadline() {
    Deadline deadline = Deadline.after(Duration.ofMillis(50));
    CompletableFuture<String> never = new CompletableFuture<>();

    assertThatThrownBy(() -> deadline.await(never, "Google"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT));
  }

  @Test
  void waiting_for_other_work_returns_its_value_or_its_failure() {
    Deadline deadline = after(Duration.ofSeconds(15));

    assertThat(deadline.await(CompletableFuture.completedFuture("done"), "Google"))
        .isEqualTo("done");
    assertThatThrownBy(
            () ->
                deadline.await(
                    CompletableFuture.failedFuture(new IllegalStateException("x")), "Google"))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_deadline_needs_a_positive_timeout() {
    assertThatThrownBy(() -> Deadline.after(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
