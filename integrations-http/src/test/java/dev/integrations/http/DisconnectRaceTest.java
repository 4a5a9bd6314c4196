package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.ProviderStandIns;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A test that is still talking to the provider when the user disconnects must not bring the
 * connection back when it finishes, whatever the provider answered.
 */
class DisconnectRaceTest {
  private HeldTelegram standIns;
  private TestServer server;
  private String ann;

  @BeforeEach
  void connectTelegram() {
    standIns = new HeldTelegram();
    server = TestServer.start(standIns.env());
    ann = server.token("ann");
    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            ann,
            "{\"integration_type\":\"telegram\",\"bot_token\":\""
                + ProviderStandIns.BOT_TOKEN
                + "\"}");
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    standIns.release.countDown();
    server.close();
    standIns.close();
  }

  @Test
  void a_test_that_passes_after_the_disconnect_leaves_it_disconnected() throws Exception {
    CompletableFuture<HttpResponse<String>> test = testHeldAtTheProvider();

    assertThat(
            server
                .post("/api/integrations/disconnect?integration_type=telegram", ann, null)
                .statusCode())
        .isEqualTo(200);
    standIns.release.countDown();

    HttpResponse<String> tested = test.get(30, TimeUnit.SECONDS);
    assertThat(tested.statusCode()).isEqualTo(200);
    assertThat(Json.parse(tested.body()).path("success").asBoolean()).isTrue();
    assertThat(telegramStatus()).isEqualTo("disconnected");
  }

  @Test
  void a_test_refused_after_the_disconnect_leaves_it_disconnected_not_in_error() throws Exception {
    CompletableFuture<HttpResponse<String>> test = testHeldAtTheProvider();

    assertThat(
            server
                .post("/api/integrations/disconnect?integration_type=telegram", ann, null)
                .statusCode())
        .isEqualTo(200);
    standIns.botTokenRevoked = true;
    standIns.release.countDown();

    HttpResponse<String> tested = test.get(30, TimeUnit.SECONDS);
    assertThat(Json.parse(tested.body()).path("code").asText())
        .as(tested.body())
        .isEqualTo("credentials_rejected");
    assertThat(telegramStatus()).isEqualTo("disconnected");
  }

  private CompletableFuture<HttpResponse<String>> testHeldAtTheProvider()
      throws InterruptedException {
    standIns.holdGetMe = true;
    CompletableFuture<HttpResponse<String>> test =
        CompletableFuture.supplyAsync(
            () -> server.post("/api/integrations/test?integration_type=telegram", ann, null));
    assertThat(standIns.entered.await(30, TimeUnit.SECONDS))
        .as("the test reached Telegram")
        .isTrue();
    return test;
  }

  private String telegramStatus() {
    for (JsonNode entry : Json.parse(server.get("/api/integrations", ann).body())) {
      if (entry.path("type").asText().equals("telegram")) {
        return entry.path("status").asText();
      }
    }
    throw new AssertionError("telegram is not listed");
  }

  /** Telegram's stand-in, holding {@code getMe} until released once {@link #holdGetMe} is set. */
  private static final class HeldTelegram extends ProviderStandIns {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean holdGetMe;

    HeldTelegram() {
      super("disconnect-race");
    }

    @Override
    protected MockResponse telegram(RecordedRequest request) {
      if (holdGetMe && request.getUrl().encodedPath().endsWith("/getMe")) {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return super.telegram(request);
    }
  }
}
