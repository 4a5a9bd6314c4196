package dev.integrations.providers.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Secret;
import dev.integrations.providers.catalog.internal.ApiClient;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ApiClient#sendOnce}: a request that must not take effect twice, over a real socket. */
class SendOnceTest {
  @TempDir Path dir;
  private final MockWebServer api = new MockWebServer();
  private ApiClient client;

  @BeforeEach
  void start() throws IOException {
    api.start(InetAddress.getLoopbackAddress(), 0);
    Path file =
        Files.writeString(dir.resolve("p.yaml"), "slack:\n  base_url: " + api.url("/api") + "\n");
    ProviderSpec spec =
        Placeholders.fill(
            ProviderCatalog.load(file).find("slack").orElseThrow(), n -> Optional.empty());
    client = new ApiClient(spec, new OkHttpClient());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ApiClient.Answer send() {
    return client.sendOnce(
        "/chat.postMessage",
        Secret.of("xoxp-1"),
        Map.of(),
        "{\"text\":\"hi\"}".getBytes(),
        answer ->
            answer.status() == 429
                ? Verdict.retryAfter(ApiClient.retryAfterHeader(answer))
                : Verdict.FINAL);
  }

  @Test
  void a_connection_lost_after_the_request_was_written_is_not_sent_again() {
    api.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    api.enqueue(new MockResponse(200, okhttp3.Headers.of(), "{\"ok\":true}"));

    ProviderException failure = catchThrowableOfType(ProviderException.class, this::send);

    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(failure).hasMessageContaining("not repeated");
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_pooled_connection_lost_after_the_request_was_written_is_not_retried_by_okhttp_either() {
    api.enqueue(new MockResponse(200, okhttp3.Headers.of(), "{\"ok\":true}"));
    api.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    api.enqueue(new MockResponse(200, okhttp3.Headers.of(), "{\"ok\":true}"));
    assertThat(send().status()).isEqualTo(200);

    ProviderException failure = catchThrowableOfType(ProviderException.class, this::send);

    assertThat(failure).hasMessageContaining("not repeated");
    assertThat(api.getRequestCount()).as("the first message and the second, once").isEqualTo(2);
  }

  @Test
  void a_5xx_comes_back_as_the_answer_without_a_second_request() {
    api.enqueue(new MockResponse(503, okhttp3.Headers.of(), "unavailable"));
    api.enqueue(new MockResponse(200, okhttp3.Headers.of(), "{\"ok\":true}"));

    assertThat(send().status()).isEqualTo(503);
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a_429_is_sent_again_after_its_retry_after() {
    api.enqueue(
        new MockResponse(
            429,
            okhttp3.Headers.of("Retry-After", "0"),
            "{\"ok\":false,\"error\":\"ratelimited\"}"));
    api.enqueue(new MockResponse(200, okhttp3.Headers.of(), "{\"ok\":true}"));

    assertThat(send().status()).isEqualTo(200);
    assertThat(api.getRequestCount()).isEqualTo(2);
  }
}
