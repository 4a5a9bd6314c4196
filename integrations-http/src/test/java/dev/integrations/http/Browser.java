package dev.integrations.http;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One person's browser talking to the test server: its own cookie jar (so the consent binding
 * cookie set by {@code /connect} comes back at the callback, exactly when a browser would send it),
 * and redirects not followed, so tests see where the server sends it.
 */
final class Browser {
  final CookieManager cookies;
  private final TestServer server;
  private final HttpClient client;

  Browser(TestServer server) {
    this(server, new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER));
  }

  private Browser(TestServer server, CookieManager cookies) {
    this.server = server;
    this.cookies = cookies;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * This same browser (its cookies) reaching {@code other}: another server behind the same host
   * name, as behind a load balancer.
   */
  Browser at(TestServer other) {
    return new Browser(other, cookies);
  }

  /** What the page does: {@code fetch} with the user's token (and this browser's cookies). */
  HttpResponse<String> post(String path, String token, String json) {
    return send(
        server
            .request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * Starts an OAuth connect of {@code type} from this browser and returns the {@code /connect}
   * answer.
   */
  HttpResponse<String> connect(String token, String type) {
    return post("/api/integrations/connect", token, "{\"integration_type\":\"" + type + "\"}");
  }

  /**
   * Lands on the server where the provider sent this browser back ({@code back} names the public
   * URL; its path and query are replayed on the server's real port, with this browser's cookies).
   */
  HttpResponse<String> arriveAt(URI back) {
    return get(back.getRawPath() + "?" + back.getRawQuery());
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(server.request(pathAndQuery, null).GET().build());
  }

  /** The {@code Cookie} header values this browser would send to {@code path} of the server. */
  List<String> cookiesFor(String path) {
    try {
      return cookies.get(server.uri(path), Map.of()).getOrDefault("Cookie", List.of());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      server.document.check(request, response);
      return response;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
