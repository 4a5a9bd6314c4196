package dev.integrations.providers.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.Secret;
import dev.integrations.providers.RefusingSocketFactory;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.Placeholders;
import dev.integrations.providers.catalog.ProviderCatalog;
import dev.integrations.providers.catalog.ProviderSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's API calls on the providers' one retry loop, against a real socket. */
class ApiClientRetryTest {
  private static final RetrySettings QUICK =
      RetrySettings.builder()
          .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
          .maxRetryAfter(Duration.ofSeconds(5))
          .build();
  private static final Secret TOKEN = Secret.of("xoxp-1");

  @TempDir Path dir;
  private final MockWebServer api = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    api.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ApiClient client(OkHttpClient http) throws IOException {
    Path file =
        Files.writeString(dir.resolve("p.yaml"), "slack:\n  base_url: " + api.url("/api") + "\n");
    ProviderSpec spec =
        Placeholders.fill(
            ProviderCatalog.load(file).find("slack").orElseThrow(), name -> Optional.empty());
    return new ApiClient(spec, http, QUICK);
  }

  private ApiClient client() throws IOException {
    return client(new OkHttpClient());
  }

  private ApiClient.Answer post(ApiClient client) {
    return client.call(
        "POST", "/chat.postMessage", TOKEN, Map.of(), new byte[0], "application/json", false);
  }

  private ApiClient.Answer get(ApiClient client) {
    return client.call("GET", "/conversations.list", TOKEN, Map.of(), null, null, true);
  }

  private static MockResponse status(int code, String... headers) {
    return new MockResponse(code, Headers.of(headers), "{}");
  }

  @Test
  void a_post_answered_500_or_503_is_not_repeated() throws IOException {
    api.enqueue(status(500));
    api.enqueue(status(503));
    api.enqueue(status(200));
    ApiClient slack = client();

    assertThat(post(slack).status()).isEqualTo(500);
    assertThat(post(slack).status()).isEqualTo(503);
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a_get_is_repeated_up_to_the_attempt_limit_and_the_last_answer_returned() throws IOException {
    for (int i = 0; i < 5; i++) {
      api.enqueue(status(502));
    }
    ApiClient slack = client();

    assertThat(get(slack).status()).isEqualTo(502);
    assertThat(api.getRequestCount()).isEqualTo(QUICK.maxAttempts());
  }

  @Test
  void a_get_answered_503_waits_out_its_retry_after() throws IOException {
    api.enqueue(status(503, "Retry-After", "1"));
    api.enqueue(status(200));
    ApiClient slack = client();

    long start = System.nanoTime();
    assertThat(get(slack).status()).isEqualTo(200);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a_retry_after_above_the_cap_comes_back_at_once_with_the_providers_answer()
      throws IOException {
    api.enqueue(status(429, "Retry-After", "30"));
    api.enqueue(status(200));
    ApiClient slack = client();

    long start = System.nanoTime();
    ApiClient.Answer answer = post(slack);

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.headers()).containsEntry("retry-after", java.util.List.of("30"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_retry_after_longer_than_what_is_left_of_the_deadline_comes_back_at_once()
      throws IOException {
    api.enqueue(status(429, "Retry-After", "3"));
    api.enqueue(status(200));
    ApiClient slack = client();

    long start = System.nanoTime();
    ApiClient.Answer answer = Deadline.after(Duration.ofSeconds(2)).run(() -> post(slack));

    assertThat(answer.status()).isEqualTo(429);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_post_whose_connection_was_refused_is_sent_again_and_arrives_once() throws IOException {
    api.enqueue(status(200));
    RefusingSocketFactory sockets = new RefusingSocketFactory(1);
    ApiClient slack =
        client(
            new OkHttpClient.Builder()
                .socketFactory(sockets)
                .retryOnConnectionFailure(false)
                .build());

    assertThat(post(slack).status()).isEqualTo(200);
    assertThat(sockets.connects).hasValue(2);
    assertThat(api.getRequestCount()).isEqualTo(1);
  }
}
