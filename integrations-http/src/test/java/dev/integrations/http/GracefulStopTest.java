package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.testing.ProviderStandIns;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * stop() lets a request in flight finish, and refuses new connections meanwhile. The overlap is
 * built, not waited for: the request is held inside its handler (Telegram's getMe does not answer
 * until the test says so) while the server stops.
 */
class GracefulStopTest {

  @Test
  void a_request_in_flight_finishes_during_stop() throws Exception {
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ProviderStandIns telegram =
        new ProviderStandIns("graceful-stop") {
          @Override
          protected MockResponse telegram(RecordedRequest request) {
            inHandler.countDown();
            await(release);
            return super.telegram(request);
          }
        }) {
      TestServer server = TestServer.start(telegram.env());
      int port = server.server.port();
      HttpRequest connect =
          server
              .request("/api/integrations/connect", server.token("ann"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"integration_type\":\"telegram\",\"bot_token\":\""
                          + ProviderStandIns.BOT_TOKEN
                          + "\"}"))
              .build();
      CompletableFuture<HttpResponse<String>> answer =
          server.client.sendAsync(connect, HttpResponse.BodyHandlers.ofString());
      assertThat(inHandler.await(20, TimeUnit.SECONDS))
          .as("the request reached its handler")
          .isTrue();

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      awaitRefused(port);

      assertThat(stopping).as("stop waits for the request in flight").isNotDone();
      assertThat(answer).isNotDone();
      release.countDown();
      HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo(
              "{\"status\":\"connected\",\"success\":true,\"message\":\"Telegram bot connected successfully\","
                  + "\"integration_type\":\"telegram\",\"account\":{\"id\":\"123456789\",\"display_name\":\"@alerts_bot\"}}");
      stopping.get(20, TimeUnit.SECONDS);
    } finally {
      release.countDown();
    }
  }

  /** Returns once the server refuses new connections; fails if it still accepts them after 20 s. */
  private static void awaitRefused(int port) throws InterruptedException {
    long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < giveUp) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        Thread.sleep(10);
      } catch (IOException refused) {
        return;
      }
    }
    throw new AssertionError("the server still accepts connections while stopping");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
