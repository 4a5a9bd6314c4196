package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.REDIRECT_URI;
import static dev.integrations.providers.google.GoogleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.memory.InMemoryConnectionStore;
import dev.integrations.core.memory.InMemoryOAuthStateStore;
import dev.integrations.core.memory.InMemoryTokenStore;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.ConnectCommand;
import dev.integrations.core.service.ConnectResult;
import dev.integrations.core.service.Integrations;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completing a consent whose code exchange hangs at Google's token endpoint: the read timeout (700
 * ms here) ends it as a timeout, the code (single-use, perhaps consumed) is not sent again, and
 * nothing is connected.
 */
class CodeExchangeTimeoutTest {
  private static final UserId ANN = UserId.of("ann");

  private final MockWebServer server = new MockWebServer();
  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  private Integrations integrations;

  @BeforeEach
  void start() throws IOException {
    server.start();
    GoogleProviders google = GoogleTestSupport.against(server).build();
    integrations =
        Integrations.builder()
            .tokenStore(tokens)
            .connectionStore(connections)
            .stateStore(new InMemoryOAuthStateStore())
            .provider(google.gmail(), google.drive())
            .redirectUri(REDIRECT_URI)
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_hanging_code_exchange_times_out_once_and_connects_nothing() {
    ConnectResult.AuthorizationPending pending =
        (ConnectResult.AuthorizationPending)
            integrations.connections().connect(ConnectCommand.oauth(ANN, IntegrationType.GMAIL));
    String state = HttpUrl.get(pending.authorizationUrl()).queryParameter("state");
    server.enqueue(
        new MockResponse.Builder(
                json(200, "{\"access_token\": \"ya29.late\", \"expires_in\": 3599}"))
            .headersDelay(5, TimeUnit.SECONDS)
            .build());
    server.enqueue(json(200, "{\"access_token\": \"ya29.second\", \"expires_in\": 3599}"));

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                integrations
                    .connections()
                    .completeAuthorization(new AuthorizationCallback(state, "4/0code", null, ANN)))
        .isInstanceOfSatisfying(
            AuthorizationFailedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
              assertThat(e.integrationType()).contains(IntegrationType.GMAIL);
            });
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took)
        .as("the 700 ms read timeout, not the 5 s the endpoint hangs")
        .isLessThan(Duration.ofSeconds(4));
    assertThat(server.getRequestCount()).as("the code is sent once").isEqualTo(1);
    assertThat(tokens.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThat(connections.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThatThrownBy(
            () ->
                integrations
                    .connections()
                    .completeAuthorization(new AuthorizationCallback(state, "4/0code", null, ANN)))
        .isInstanceOfSatisfying(
            AuthorizationFailedException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
  }
}
