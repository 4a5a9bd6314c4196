package dev.integrations.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.ProviderPort;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guide's retry sample: one {@code RetrySettings} reaches Google and Telegram alike. */
class CustomRetriesTest {
  private static final Credentials GOOGLE_GRANT = Credentials.ofToken(Secret.of("ya29.access"));
  private static final Credentials BOT =
      Credentials.ofToken(Secret.of("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"));

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();
  private List<ProviderPort> providers;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    AppConfig config =
        AppConfig.from(
            Map.of(
                "INTEGRATIONS_DATA_DIR", Path.of("target").toString(),
                "GOOGLE_CLIENT_ID", "client-1",
                "GOOGLE_CLIENT_SECRET", "secret-1",
                "GOOGLE_API_ROOT_URL", server.url("/").toString(),
                "TELEGRAM_API_URL", server.url("/").toString()));
    providers = CustomRetries.providers(config, http);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void answerUnavailable(int times) {
    for (int i = 0; i < times; i++) {
      server.enqueue(
          new MockResponse(
              503,
              okhttp3.Headers.of("Content-Type", "application/json"),
              "{\"ok\": false, \"error_code\": 503, \"description\": \"Service Unavailable\"}"));
    }
  }

  @Test
  void gmail_tries_a_read_three_times_then_reports_the_failure() {
    answerUnavailable(5);

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> providers.get(0).test(GOOGLE_GRANT));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void telegram_tries_get_me_three_times_then_reports_the_failure() {
    answerUnavailable(5);

    ProviderException e =
        catchThrowableOfType(ProviderException.class, () -> providers.get(2).test(BOT));

    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
