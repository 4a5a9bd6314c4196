package dev.integrations.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The one retry loop, on a clock that only its sleeps (and the attempts that say so) move, with the
 * random source pinned: exactly which waits are slept, and which are not.
 */
class RetrierTest {
  private static final double LOWEST = 0.0;
  private static final double HIGHEST = Math.nextDown(1.0);
  private static final Answer UNAVAILABLE = new Answer(503, null);
  private static final Answer OK = new Answer(200, null);

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> slept = new ArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private double random = 0.5;

  /** A provider's answer: its status and the wait it asked for. */
  private record Answer(int status, Duration retryAfter) {}

  /** Repeats 429 after its Retry-After and 503 after the backoff. */
  private static final RetryRule<Answer> RULE =
      new RetryRule<>() {
        @Override
        public Verdict afterFailure(Exception failure) {
          return Verdict.RETRY;
        }

        @Override
        public Verdict afterResult(Answer answer) {
          return answer.status() == 429 || answer.status() == 503
              ? Verdict.retryAfter(answer.retryAfter())
              : Verdict.FINAL;
        }
      };

  private Retrier retrier(RetrySettings settings) {
    return new Retrier(
        settings,
        () -> random,
        nanos::get,
        wait -> {
          slept.add(wait);
          nanos.addAndGet(wait.toNanos());
        });
  }

  private static RetrySettings.Builder settings() {
    return RetrySettings.builder()
        .maxDuration(Duration.ofHours(1))
        .maxRetryAfter(Duration.ofMinutes(1));
  }

  /**
   * An attempt that answers {@code answers} in turn, the last one for ever, each taking {@code
   * took}.
   */
  private Retrier.Attempt<Answer, RuntimeException> answering(Duration took, Answer... answers) {
    return () -> {
      int attempt = attempts.incrementAndGet();
      nanos.addAndGet(took.toNanos());
      return answers[Math.min(attempt, answers.length) - 1];
    };
  }

  private Deadline deadline(Duration timeout) {
    return Deadline.after(timeout, nanos::get);
  }

  private static List<Duration> millis(long... values) {
    List<Duration> durations = new ArrayList<>();
    for (long value : values) {
      durations.add(Duration.ofMillis(value));
    }
    return durations;
  }

  @Test
  void waits_double_from_the_initial_delay_up_to_the_cap_less_a_quarter_at_the_lowest_draw() {
    random = LOWEST;
    Retrier retrier =
        retrier(
            settings()
                .maxAttempts(5)
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .build());

    Answer answer = retrier.run("Slack", RULE, answering(Duration.ZERO, UNAVAILABLE));

    assertThat(answer).isEqualTo(UNAVAILABLE);
    assertThat(slept).containsExactlyElementsOf(millis(75, 150, 300, 300));
  }

  @Test
  void waits_are_at_most_a_quarter_longer_at_the_highest_draw() {
    random = HIGHEST;
    Retrier retrier =
        retrier(
            settings()
                .maxAttempts(5)
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .build());

    retrier.run("Slack", RULE, answering(Duration.ZERO, UNAVAILABLE));

    List<Duration> highest = millis(125, 250, 500, 500);
    assertThat(slept).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(slept.get(i))
          .as("wait %d", i + 1)
          .isLessThanOrEqualTo(highest.get(i))
          .isGreaterThan(highest.get(i).minusMillis(1));
    }
  }

  @Test
  void attempts_are_bounded_and_the_last_failure_is_thrown() {
    Retrier retrier = retrier(settings().maxAttempts(3).build());

    IOException last =
        catchThrowableOfType(
            IOException.class,
            () ->
                retrier.run(
                    "Slack",
                    RULE,
                    () -> {
                      throw new IOException("attempt " + attempts.incrementAndGet());
                    }));

    assertThat(last).hasMessage("attempt 3");
    assertThat(slept).hasSize(2);
  }

  @Test
  void an_answer_the_rule_does_not_repeat_is_returned_at_once() {
    Retrier retrier = retrier(settings().build());

    Answer answer = retrier.run("Slack", RULE, answering(Duration.ZERO, new Answer(500, null), OK));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(attempts).hasValue(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void a_retry_after_is_waited_out_never_shorter_and_stretched_by_at_most_the_jitter() {
    Retrier retrier = retrier(settings().jitter(0.25).build());
    Answer tooMany = new Answer(429, Duration.ofSeconds(2));

    random = LOWEST;
    assertThat(retrier.run("Slack", RULE, answering(Duration.ZERO, tooMany, OK))).isEqualTo(OK);
    attempts.set(0);
    random = HIGHEST;
    assertThat(retrier.run("Slack", RULE, answering(Duration.ZERO, tooMany, OK))).isEqualTo(OK);

    assertThat(slept.get(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(slept.get(1))
        .isGreaterThan(Duration.ofMillis(2499))
        .isLessThanOrEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void a_retry_after_longer_than_max_retry_after_returns_the_answer_at_once() {
    Retrier retrier = retrier(settings().maxRetryAfter(Duration.ofSeconds(5)).build());
    Answer tooMany = new Answer(429, Duration.ofSeconds(6));

    Answer answer = retrier.run("Slack", RULE, answering(Duration.ZERO, tooMany, OK));

    assertThat(answer).isEqualTo(tooMany);
    assertThat(attempts).hasValue(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void a_retry_after_longer_than_what_is_left_of_the_deadline_returns_the_answer_at_once() {
    Retrier retrier = retrier(settings().build());
    Answer tooMany = new Answer(429, Duration.ofSeconds(4));

    Answer answer =
        deadline(Duration.ofSeconds(3))
            .run(() -> retrier.run("Slack", RULE, answering(Duration.ZERO, tooMany, OK)));

    assertThat(answer).isEqualTo(tooMany);
    assertThat(attempts).hasValue(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void no_wait_is_slept_past_the_deadline() {
    long start = nanos.get();
    Retrier retrier =
        retrier(
            settings()
                .maxAttempts(100)
                .jitter(0)
                .backoff(Duration.ofMillis(200), Duration.ofMillis(200))
                .build());

    // Each attempt takes 100 ms, each wait 200 ms: attempts end at 100, 400, 700 and 1000 ms; a
    // fifth
    // wait would end at 1200 ms, after the deadline.
    Answer answer =
        deadline(Duration.ofSeconds(1))
            .run(() -> retrier.run("Slack", RULE, answering(Duration.ofMillis(100), UNAVAILABLE)));

    assertThat(answer).isEqualTo(UNAVAILABLE);
    assertThat(attempts).hasValue(4);
    assertThat(slept).containsExactlyElementsOf(millis(200, 200, 200));
    assertThat(Duration.ofNanos(nanos.get() - start)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void max_duration_ends_the_retries_without_a_deadline() {
    Retrier retrier =
        retrier(
            settings()
                .maxAttempts(100)
                .jitter(0)
                .backoff(Duration.ofMillis(200), Duration.ofMillis(200))
                .maxDuration(Duration.ofMillis(500))
                .build());

    Answer answer = retrier.run("Slack", RULE, answering(Duration.ZERO, UNAVAILABLE));

    assertThat(answer).isEqualTo(UNAVAILABLE);
    assertThat(attempts).hasValue(3);
    assertThat(slept).containsExactlyElementsOf(millis(200, 200));
  }

  @Test
  void a_deadline_already_run_out_makes_no_attempt() {
    Retrier retrier = retrier(settings().build());
    Deadline deadline = deadline(Duration.ofSeconds(1));
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class,
            () -> deadline.run(() -> retrier.run("Slack", RULE, answering(Duration.ZERO, OK))));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(attempts).hasValue(0);
  }

  @Test
  void the_rule_hears_of_each_retry_with_its_failure_and_wait_before_the_wait() {
    random = LOWEST;
    List<String> heard = new ArrayList<>();
    RetryRule<Answer> listening =
        new RetryRule<>() {
          @Override
          public Verdict afterFailure(Exception failure) {
            return Verdict.RETRY;
          }

          @Override
          public void retrying(
              int failedAttempts, Duration wait, Answer result, Exception failure) {
            heard.add(
                failedAttempts
                    + " "
                    + failure.getMessage()
                    + " "
                    + wait.toMillis()
                    + " slept "
                    + slept.size());
          }
        };
    Retrier retrier =
        retrier(
            settings()
                .maxAttempts(3)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .build());

    Answer answer =
        retrier.run(
            "Slack",
            listening,
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new UncheckedIOException(new IOException("reset " + attempts.get()));
              }
              return OK;
            });

    assertThat(answer).isEqualTo(OK);
    assertThat(heard)
        .containsExactly(
            "1 java.io.IOException: reset 1 75 slept 0",
            "2 java.io.IOException: reset 2 150 slept 1");
  }

  @Test
  void an_interrupted_wait_ends_the_call_as_unavailable_and_keeps_the_interrupt() {
    Retrier retrier =
        new Retrier(
            settings().build(),
            () -> random,
            nanos::get,
            wait -> {
              throw new InterruptedException();
            });

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class,
            () -> retrier.run("Slack", RULE, answering(Duration.ZERO, UNAVAILABLE, OK)));

    assertThat(Thread.interrupted()).as("the interrupt is kept (and cleared here)").isTrue();
    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(e).hasMessage("Interrupted while waiting to retry Slack.");
    assertThat(attempts).hasValue(1);
  }
}
