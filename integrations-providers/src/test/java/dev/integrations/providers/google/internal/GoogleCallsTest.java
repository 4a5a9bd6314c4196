package dev.integrations.providers.google.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.google.internal.GoogleCalls.Repeat;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The retry decision for I/O failures, which a socket test cannot stage precisely, and for answers.
 */
class GoogleCallsTest {
  private final GoogleCalls calls =
      new GoogleCalls(
          RetrySettings.builder()
              .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
              .maxAttempts(3)
              .maxDuration(Duration.ofSeconds(1))
              .build());

  @Test
  void an_unsafe_call_that_never_left_is_retried() {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        calls.run(
            "Gmail",
            Repeat.UNSAFE,
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new RequestNotSentException(new ConnectException("Connection refused"));
              }
              return "sent";
            });

    assertThat(result).isEqualTo("sent");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void an_unsafe_call_that_may_have_arrived_is_not_retried() {
    AtomicInteger attempts = new AtomicInteger();

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                calls.run(
                    "Gmail",
                    Repeat.UNSAFE,
                    () -> {
                      attempts.incrementAndGet();
                      throw new SocketTimeoutException("timeout");
                    }));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void a_safe_call_is_retried_after_any_io_error_up_to_the_attempt_limit() {
    AtomicInteger attempts = new AtomicInteger();

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                calls.run(
                    "Google Drive",
                    Repeat.SAFE,
                    () -> {
                      attempts.incrementAndGet();
                      throw new IOException("unexpected end of stream");
                    }));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(attempts).hasValue(3);
  }

  @Test
  void an_unsafe_call_is_repeated_only_after_an_answer_that_proves_it_was_turned_away() {
    assertThat(GoogleCalls.isRetryable(answer(500), Repeat.UNSAFE))
        .as("500 may follow a sent mail")
        .isFalse();
    assertThat(GoogleCalls.isRetryable(answer(502), Repeat.UNSAFE)).isFalse();
    assertThat(GoogleCalls.isRetryable(answer(503), Repeat.UNSAFE))
        .as("503 may follow a sent mail")
        .isFalse();
    assertThat(GoogleCalls.isRetryable(answer(429), Repeat.UNSAFE)).isTrue();
    assertThat(GoogleCalls.isRetryable(answer(500), Repeat.SAFE)).isTrue();
    assertThat(GoogleCalls.isRetryable(answer(400), Repeat.SAFE)).isFalse();
  }

  @Test
  void
      a_retry_whose_wait_would_end_after_the_deadline_is_not_made_and_the_last_failure_comes_at_once() {
    GoogleCalls slow =
        new GoogleCalls(
            RetrySettings.builder()
                .backoff(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .maxAttempts(3)
                .maxDuration(Duration.ofSeconds(60))
                .build());
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                Deadline.after(Duration.ofSeconds(2))
                    .run(
                        () ->
                            slow.run(
                                "Google Drive",
                                Repeat.SAFE,
                                () -> {
                                  attempts.incrementAndGet();
                                  throw new IOException("unexpected end of stream");
                                })));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(attempts).hasValue(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  private static HttpResponseException answer(int status) {
    return new HttpResponseException.Builder(status, "status " + status, new HttpHeaders()).build();
  }
}
