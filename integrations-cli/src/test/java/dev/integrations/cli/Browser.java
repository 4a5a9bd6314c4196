package dev.integrations.cli;

import dev.integrations.testing.ProviderStandIns;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the person's browser in an OAuth loopback flow: reads the consent URL a running {@code
 * connect} prints, opens it at the stand-in authorization server (which consents at once and
 * redirects), and follows the redirect back to the command.
 */
final class Browser {
  private static final Pattern URL = Pattern.compile("(?m)^ {2}(http\\S+)$");

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The consent URL once {@code err} shows it; fails after a generous wait. */
  static URI awaitConsentUrl(StringWriter err) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(giveUp)) {
      Matcher url = URL.matcher(err.toString());
      if (url.find() && err.toString().contains("Waiting up to")) {
        return URI.create(url.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("connect printed no consent URL; standard error was:\n" + err);
  }

  /**
   * Opens {@code consentUrl}, signs in on the authorization server's page as the person would,
   * follows its redirect back, and returns the page the command showed.
   */
  HttpResponse<String> consent(URI consentUrl) throws IOException, InterruptedException {
    return get(ProviderStandIns.consent(consentUrl));
  }

  /**
   * Runs {@code connect TYPE} as a person would, consenting in this browser, and returns its
   * outcome.
   */
  static CliRunner.Result connect(CliRunner cli, String... connectArgs) throws Exception {
    StringWriter err = new StringWriter();
    String[] args = new String[connectArgs.length + 1];
    args[0] = "connect";
    System.arraycopy(connectArgs, 0, args, 1, connectArgs.length);
    CompletableFuture<CliRunner.Result> running =
        CompletableFuture.supplyAsync(() -> cli.run(new StringWriter(), err, args));
    new Browser().consent(awaitConsentUrl(err));
    return running.get(60, TimeUnit.SECONDS);
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A loopback port that was free a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
