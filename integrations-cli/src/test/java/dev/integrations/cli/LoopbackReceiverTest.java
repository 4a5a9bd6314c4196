package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LoopbackReceiverTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final HttpClient browser = HttpClient.newHttpClient();

  @Test
  void hands_the_redirect_with_the_awaited_state_to_the_caller_and_tells_the_browser_to_close()
      throws Exception {
    try (LoopbackReceiver receiver =
        LoopbackReceiver.listen(URI.create("http://127.0.0.1:0/callback"))) {
      CompletableFuture<HttpResponse<String>> page =
          CompletableFuture.supplyAsync(() -> get(receiver.redirectUri() + "?state=s1&code=c%2F1"));

      Map<String, String> received =
          receiver
              .expect(
                  "s1",
                  parameters -> parameters,
                  p -> new LoopbackReceiver.Reply(true, "Gmail connected", "As ann@example.com."),
                  e -> new LoopbackReceiver.Reply(false, "Failed", e.getMessage()))
              .await(WAIT);

      assertThat(received).containsEntry("code", "c/1").containsEntry("state", "s1");
      assertThat(page.get().statusCode()).isEqualTo(200);
      assertThat(page.get().body())
          .contains("<h1>Gmail connected</h1>", "You can close this window");
    }
  }

  @Test
  void accepts_a_browser_that_comes_back_before_the_wait_begins() throws Exception {
    try (LoopbackReceiver receiver =
        LoopbackReceiver.listen(URI.create("http://127.0.0.1:0/callback"))) {
      LoopbackReceiver.Expected<String> expected =
          receiver.expect(
              "s1",
              parameters -> parameters.get("code"),
              c -> new LoopbackReceiver.Reply(true, "Gmail connected", c),
              e -> new LoopbackReceiver.Reply(false, "no", "no"));

      HttpResponse<String> page = get(receiver.redirectUri() + "?state=s1&code=quick");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(expected.await(WAIT)).isEqualTo("quick");
    }
  }

  @Test
  void refuses_another_state_and_keeps_waiting() throws Exception {
    try (LoopbackReceiver receiver = LoopbackReceiver.listen(URI.create("http://localhost:0/cb"))) {
      assertThat(receiver.redirectUri().toString()).matches("http://localhost:\\d+/cb");
      CompletableFuture<Integer> stale = new CompletableFuture<>();
      CompletableFuture<HttpResponse<String>> right =
          CompletableFuture.supplyAsync(
              () -> {
                stale.complete(get(receiver.redirectUri() + "?state=old&code=x").statusCode());
                return get(receiver.redirectUri() + "?state=new&code=y");
              });

      String code =
          receiver
              .expect(
                  "new",
                  parameters -> parameters.get("code"),
                  c -> new LoopbackReceiver.Reply(true, "ok", c),
                  e -> new LoopbackReceiver.Reply(false, "no", "no"))
              .await(WAIT);

      assertThat(stale.get()).isEqualTo(400);
      assertThat(code).isEqualTo("y");
      assertThat(right.get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shows_a_failure_to_the_browser_and_rethrows_it() throws Exception {
    try (LoopbackReceiver receiver =
        LoopbackReceiver.listen(URI.create("http://127.0.0.1:0/callback"))) {
      CompletableFuture<HttpResponse<String>> page =
          CompletableFuture.supplyAsync(
              () -> get(receiver.redirectUri() + "?state=s&error=access_denied"));

      assertThatThrownBy(
              () ->
                  receiver
                      .<String>expect(
                          "s",
                          parameters -> {
                            throw new InvalidRequestException(
                                ErrorCode.ACCESS_DENIED, "You declined <access>.");
                          },
                          c -> new LoopbackReceiver.Reply(true, "ok", c),
                          e -> new LoopbackReceiver.Reply(false, "Not connected", e.getMessage()))
                      .await(WAIT))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(page.get().statusCode()).isEqualTo(400);
      assertThat(page.get().body()).contains("You declined &lt;access&gt;.");
    }
  }

  @Test
  void gives_up_after_the_timeout() {
    try (LoopbackReceiver receiver =
        LoopbackReceiver.listen(URI.create("http://127.0.0.1:0/callback"))) {
      assertThatThrownBy(
              () ->
                  receiver
                      .expect(
                          "s",
                          p -> p,
                          p -> new LoopbackReceiver.Reply(true, "", ""),
                          e -> new LoopbackReceiver.Reply(false, "", ""))
                      .await(Duration.ofMillis(200)))
          .isInstanceOfSatisfying(
              CliException.class, e -> assertThat(e.code()).isEqualTo("authorization_timeout"));
    }
  }

  @Test
  void refuses_a_redirect_uri_that_is_not_on_this_machine() {
    assertThatThrownBy(
            () ->
                LoopbackReceiver.listen(
                    URI.create("https://integrations.example.com/api/integrations/callback")))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> {
              assertThat(e.code()).isEqualTo("redirect_not_local");
              assertThat(e.getMessage()).contains("--no-wait", "--port 0");
            });
  }

  @Test
  void says_when_the_port_is_taken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      URI uri =
          URI.create("http://127.0.0.1:" + taken.getLocalPort() + "/api/integrations/callback");
      assertThatThrownBy(() -> LoopbackReceiver.listen(uri))
          .isInstanceOfSatisfying(
              CliException.class,
              e -> {
                assertThat(e.code()).isEqualTo("address_in_use");
                assertThat(e.getMessage()).contains("integrations serve", "--port 0");
              });
    }
  }

  private HttpResponse<String> get(String uri) {
    try {
      return browser.send(
          HttpRequest.newBuilder(URI.create(uri)).timeout(WAIT).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
