package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.googleError;
import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.providers.RetrySettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls to Google end by the request deadline however long the client's own timeouts and retry
 * budget are (here 30 s each, so only the deadline can end them), and retries of a call that must
 * not repeat happen only after an answer that proves Google turned it away.
 */
class GoogleDeadlineTest {
  private static final Duration DEADLINE = Duration.ofSeconds(1);

  /** Room for a loaded two-core machine; the point is "not the 30 s the timeouts would allow". */
  private static final Duration SLACK = Duration.ofSeconds(4);

  private static final MailMessage MAIL =
      MailMessage.text(List.of("bob@example.com"), "Hi", "Hello");
  private static final MockResponse HANG =
      new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();

  private final MockWebServer server = new MockWebServer();
  private GoogleProviders google;

  @BeforeEach
  void start() throws IOException {
    server.start();
    google =
        GoogleTestSupport.against(server)
            .timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30))
            .retries(
                RetrySettings.builder()
                    .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
                    .maxAttempts(5)
                    .maxDuration(Duration.ofSeconds(30))
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private MailPort gmail() {
    return (MailPort) google.gmail();
  }

  private FilesPort drive() {
    return (FilesPort) google.drive();
  }

  private <T> ProviderException failsWithin(Duration deadline, Supplier<T> call) {
    long start = System.nanoTime();
    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> Deadline.after(deadline).run(call));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline.plus(SLACK));
    return e;
  }

  @Test
  void a_hanging_send_ends_at_the_deadline_as_a_timeout_and_is_sent_once() {
    server.enqueue(HANG);
    server.enqueue(json(200, "{\"id\": \"2\", \"threadId\": \"2\"}"));

    ProviderException e =
        failsWithin(DEADLINE, () -> gmail().send(GoogleTestSupport.credentials(), MAIL));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(e)
        .hasMessage(
            "Gmail did not answer in time: the request's deadline of 1 s ran out."
                + " It was not repeated, because Gmail may have received it.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_hanging_listing_ends_at_the_deadline_as_a_timeout() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(HANG);
    }

    ProviderException e =
        failsWithin(
            DEADLINE,
            () -> drive().list(GoogleTestSupport.credentials(), new FileQuery("", 10, null)));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(e).hasMessageContaining("deadline of 1 s");
  }

  @Test
  void a_hanging_token_endpoint_ends_the_refresh_at_the_deadline() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      server.enqueue(HANG);
    }

    ProviderException e =
        failsWithin(
            DEADLINE,
            () -> ((OAuthProviderPort) google.gmail()).refresh(GoogleTestSupport.credentials()));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/token");
  }

  @Test
  void a_retry_after_the_deadline_cannot_fit_is_not_waited_for() {
    server.enqueue(
        new MockResponse.Builder(
                googleError(429, "RESOURCE_EXHAUSTED", "rateLimitExceeded", "Slow down."))
            .addHeader("Retry-After", "20")
            .build());
    server.enqueue(json(200, "{\"files\": []}"));

    ProviderException e =
        failsWithin(
            Duration.ofSeconds(3),
            () -> drive().list(GoogleTestSupport.credentials(), new FileQuery("", 10, null)));

    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an_attempt_is_not_started_once_the_deadline_has_run_out() {
    Deadline spent = Deadline.after(Duration.ofNanos(1));

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class,
            () -> spent.run(() -> gmail().send(GoogleTestSupport.credentials(), MAIL)));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void an_upload_answered_503_is_not_repeated() {
    server.enqueue(googleError(503, "UNAVAILABLE", "backendError", "Try again."));
    server.enqueue(json(200, "{\"id\": \"f1\", \"name\": \"a.txt\"}"));

    ProviderException e = catchThrowableOfType(ProviderException.class, () -> upload(small()));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an_upload_turned_away_with_429_is_retried_after_the_wait_and_succeeds() {
    server.enqueue(
        new MockResponse.Builder(
                googleError(429, "RESOURCE_EXHAUSTED", "rateLimitExceeded", "Slow down."))
            .addHeader("Retry-After", "1")
            .build());
    server.enqueue(json(200, "{\"id\": \"f1\", \"name\": \"a.txt\"}"));

    RemoteFile created = upload(small());

    assertThat(created.id()).isEqualTo("f1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void an_upload_that_keeps_flowing_may_outlast_the_deadline() {
    server.enqueue(json(200, "{\"id\": \"f1\", \"name\": \"slow.bin\"}"));
    int pieces = 6;
    FileUpload slow =
        new FileUpload(
            "slow.bin",
            "application/octet-stream",
            null,
            pieces * 1024L,
            () -> new SlowSource(pieces, 1024, Duration.ofMillis(300)));

    RemoteFile created = Deadline.after(DEADLINE).run(() -> upload(slow));

    assertThat(created.id()).isEqualTo("f1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an_upload_whose_answer_never_comes_stalls_out_after_the_deadlines_length() {
    server.enqueue(HANG);

    ProviderException e = failsWithin(DEADLINE, () -> upload(small()));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private RemoteFile upload(FileUpload upload) {
    return drive().upload(GoogleTestSupport.credentials(), upload, UploadProgress.NONE);
  }

  private static FileUpload small() {
    byte[] content = "hello, drive".getBytes(StandardCharsets.UTF_8);
    return new FileUpload(
        "a.txt", "text/plain", null, content.length, () -> new ByteArrayInputStream(content));
  }

  /**
   * A file on a slow disk or link: {@code pieces} pieces of {@code size} bytes, one per {@code
   * every}.
   */
  private static final class SlowSource extends InputStream {
    private final int size;
    private final long everyMillis;
    private int piecesLeft;
    private int inPiece;

    SlowSource(int pieces, int size, Duration every) {
      this.piecesLeft = pieces;
      this.size = size;
      this.everyMillis = every.toMillis();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (inPiece == 0) {
        if (piecesLeft == 0) {
          return -1;
        }
        try {
          TimeUnit.MILLISECONDS.sleep(
              everyMillis); // the slowness being simulated, not a wait for overlap
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        piecesLeft--;
        inPiece = size;
      }
      int n = Math.min(len, inPiece);
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      inPiece -= n;
      return n;
    }
  }
}
