package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.RETRY_BUDGET;
import static dev.integrations.providers.google.GoogleTestSupport.googleError;
import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How calls to Google fail, retry and give up; read timeout 700 ms, 4 attempts, 2 s of retries. */
class GoogleCallFailuresTest {
  private static final String FILES = "{\"files\": [{\"id\": \"f1\", \"name\": \"a.txt\"}]}";
  private static final MailMessage MAIL =
      MailMessage.text(List.of("ann@example.com"), "Hi", "Hello");

  private final MockWebServer server = new MockWebServer();
  private FilesPort drive;
  private MailPort gmail;

  @BeforeEach
  void start() throws IOException {
    server.start();
    GoogleProviders google = GoogleTestSupport.against(server).build();
    drive = (FilesPort) google.drive();
    gmail = (MailPort) google.gmail();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FilePage listFiles() {
    return drive.list(GoogleTestSupport.credentials(), new FileQuery("", 10, null));
  }

  @Test
  void a_401_is_a_credentials_rejection_and_is_not_retried() {
    server.enqueue(
        googleError(
            401,
            "UNAUTHENTICATED",
            "authError",
            "Request had invalid authentication credentials."));
    server.enqueue(json(200, FILES));

    CredentialsRejectedException e =
        catchThrowableOfType(CredentialsRejectedException.class, this::listFiles);

    assertThat(e)
        .hasMessageContaining("Request had invalid authentication credentials.")
        .hasMessageNotContaining("access-token-1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_403_for_missing_permissions_is_a_refusal_with_googles_message() {
    server.enqueue(
        googleError(
            403,
            "PERMISSION_DENIED",
            "insufficientPermissions",
            "Request had insufficient authentication scopes."));

    ProviderException e = catchThrowableOfType(ProviderException.class, this::listFiles);

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
    assertThat(e).hasMessageContaining("Request had insufficient authentication scopes.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_404_is_a_refusal() {
    server.enqueue(googleError(404, "NOT_FOUND", "notFound", "File not found: parent."));

    ProviderException e = catchThrowableOfType(ProviderException.class, this::listFiles);

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
    assertThat(e).hasMessageContaining("File not found: parent.");
  }

  @Test
  void a_429_is_retried_after_the_wait_google_asked_for() {
    server.enqueue(
        new MockResponse.Builder(
                googleError(429, "RESOURCE_EXHAUSTED", "rateLimitExceeded", "Slow down."))
            .addHeader("Retry-After", "1")
            .build());
    server.enqueue(json(200, FILES));

    long start = System.nanoTime();
    FilePage page = listFiles();
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(page.files()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(waited)
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
        .isLessThan(RETRY_BUDGET.plusSeconds(1));
  }

  @Test
  void a_retry_after_beyond_the_retry_budget_gives_up_at_once_as_rate_limited() {
    server.enqueue(
        new MockResponse.Builder(
                googleError(429, "RESOURCE_EXHAUSTED", "rateLimitExceeded", "Quota."))
            .addHeader("Retry-After", "3600")
            .build());

    ProviderException e = catchThrowableOfType(ProviderException.class, this::listFiles);

    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void googles_403_rate_limit_is_retried_like_a_429() {
    server.enqueue(
        googleError(
            403, "PERMISSION_DENIED", "userRateLimitExceeded", "User rate limit exceeded."));
    server.enqueue(json(200, FILES));

    assertThat(listFiles().files()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a_burst_of_503s_then_success_succeeds() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          googleError(503, "UNAVAILABLE", "backendError", "The service is currently unavailable."));
    }
    server.enqueue(json(200, FILES));

    assertThat(listFiles().files()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void only_503s_give_up_as_unavailable_within_the_retry_budget() {
    for (int i = 0; i < 20; i++) {
      server.enqueue(
          googleError(503, "UNAVAILABLE", "backendError", "The service is currently unavailable."));
    }

    long start = System.nanoTime();
    ProviderException e = catchThrowableOfType(ProviderException.class, this::listFiles);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(e).hasMessageContaining("The service is currently unavailable.");
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(took).isLessThan(RETRY_BUDGET.plusSeconds(1));
  }

  @Test
  void a_500_after_retries_is_a_provider_error() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(googleError(500, "INTERNAL", "backendError", "Backend Error"));
    }

    ProviderException e = catchThrowableOfType(ProviderException.class, this::listFiles);

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
  }

  @Test
  void answers_that_never_come_are_a_timeout() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          new MockResponse.Builder(json(200, FILES)).headersDelay(2, TimeUnit.SECONDS).build());
    }

    ProviderException e = catchThrowableOfType(ProviderException.class, this::listFiles);

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
  }

  @Test
  void a_body_that_stalls_is_a_timeout_and_a_read_is_retried() {
    server.enqueue(
        new MockResponse.Builder(json(200, FILES)).bodyDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(json(200, FILES));

    assertThat(listFiles().files()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a_send_that_timed_out_after_its_request_was_written_is_not_retried() {
    server.enqueue(
        new MockResponse.Builder(json(200, "{\"id\": \"1\", \"threadId\": \"1\"}"))
            .headersDelay(2, TimeUnit.SECONDS)
            .build());
    server.enqueue(json(200, "{\"id\": \"2\", \"threadId\": \"2\"}"));

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class, () -> gmail.send(GoogleTestSupport.credentials(), MAIL));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_send_answered_503_is_not_repeated_because_the_mail_may_have_gone_out() {
    server.enqueue(googleError(503, "UNAVAILABLE", "backendError", "Try again."));
    server.enqueue(json(200, "{\"id\": \"2\", \"threadId\": \"2\"}"));

    ProviderException e =
        catchThrowableOfType(
            ProviderException.class, () -> gmail.send(GoogleTestSupport.credentials(), MAIL));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_send_turned_away_with_429_is_retried_after_the_wait_google_asked_for() {
    server.enqueue(
        new MockResponse.Builder(
                googleError(429, "RESOURCE_EXHAUSTED", "rateLimitExceeded", "Slow down."))
            .addHeader("Retry-After", "1")
            .build());
    server.enqueue(json(200, "{\"id\": \"2\", \"threadId\": \"2\"}"));

    SentMail sent = gmail.send(GoogleTestSupport.credentials(), MAIL);

    assertThat(sent.id()).isEqualTo("2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a_send_turned_away_by_a_rate_limit_403_is_retried() {
    server.enqueue(
        googleError(
            403, "PERMISSION_DENIED", "userRateLimitExceeded", "User rate limit exceeded."));
    server.enqueue(json(200, "{\"id\": \"2\", \"threadId\": \"2\"}"));

    assertThat(gmail.send(GoogleTestSupport.credentials(), MAIL).id()).isEqualTo("2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void an_unreachable_server_is_unavailable() throws IOException {
    server.close();

    ProviderException e = catchThrowableOfType(ProviderException.class, this::listFiles);

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
  }
}
