package dev.integrations.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Receives one OAuth redirect on this machine, the way {@code gcloud auth login} does: a tiny HTTP
 * server on a loopback address answers the browser with a page saying it can be closed, and hands
 * the {@code code}, {@code state} and {@code error} parameters to the caller. Redirects carrying
 * another state (an old tab) are refused and the wait goes on.
 *
 * <p>Binds loopback addresses only, so nothing outside this machine can reach it.
 */
final class LoopbackReceiver implements AutoCloseable {

  /** What the browser brought back, and the sentence to show it. */
  record Reply(boolean success, String title, String detail) {}

  private final HttpServer server;
  private final URI redirectUri;
  private final CompletableFuture<Object> outcome = new CompletableFuture<>();
  private volatile String expectedState;
  private volatile Function<Map<String, String>, Handled> handler;

  private LoopbackReceiver(HttpServer server, URI redirectUri) {
    this.server = server;
    this.redirectUri = redirectUri;
  }

  /**
   * Listens on the host, port and path of {@code redirectUri} (port 0: any free port).
   *
   * @throws CliException when the host is not a loopback address or the port is taken
   */
  static LoopbackReceiver listen(URI redirectUri) {
    InetAddress address = loopback(redirectUri);
    int port = redirectUri.getPort() == -1 ? 80 : redirectUri.getPort();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 8);
    } catch (BindException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          "address_in_use",
          "Cannot receive the OAuth redirect on "
              + address.getHostAddress()
              + ":"
              + port
              + ": the port is in use (is 'integrations serve' running? then use --no-wait and let it "
              + "complete the connection), or use --port 0 with a desktop OAuth client",
          e);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          "address_in_use",
          "Cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(),
          e);
    }
    URI bound = withPort(redirectUri, server.getAddress().getPort());
    LoopbackReceiver receiver = new LoopbackReceiver(server, bound);
    String path =
        redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty()
            ? "/"
            : redirectUri.getRawPath();
    server.createContext("/", exchange -> receiver.handle(exchange, path));
    server.start();
    return receiver;
  }

  /** The redirect URI as bound, with the real port. */
  URI redirectUri() {
    return redirectUri;
  }

  /**
   * Expects the browser back with {@code state}, from now on: call this before showing the consent
   * URL, so that a browser quicker than the terminal is not turned away. {@code onRedirect} gets
   * the redirect's query parameters and does the work; the browser is shown {@code reply} of its
   * result, or {@code failureReply} of what it threw.
   */
  <T> Expected<T> expect(
      String state,
      Function<Map<String, String>, T> onRedirect,
      Function<T, Reply> reply,
      Function<RuntimeException, Reply> failureReply) {
    expectedState = Objects.requireNonNull(state, "state");
    handler =
        parameters -> {
          try {
            T result = onRedirect.apply(parameters);
            return new Handled(reply.apply(result), () -> outcome.complete(result));
          } catch (RuntimeException e) {
            return new Handled(failureReply.apply(e), () -> outcome.completeExceptionally(e));
          }
        };
    return new Expected<>();
  }

  /** A redirect being expected, of which {@code onRedirect} makes a {@code T}. */
  final class Expected<T> {
    private Expected() {}

    /**
     * Waits until the browser has come back, then returns what {@code onRedirect} made of it or
     * rethrows what it threw.
     *
     * @throws CliException when nothing came back within {@code timeout}
     */
    T await(Duration timeout) {
      try {
        @SuppressWarnings("unchecked")
        T result = (T) outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return result;
      } catch (TimeoutException e) {
        throw new CliException(
            ExitCodes.FAILURE,
            "authorization_timeout",
            "The browser did not come back within "
                + Format.duration(timeout)
                + "; run connect again");
      } catch (ExecutionException e) {
        throw (RuntimeException) e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(
            ExitCodes.FAILURE, "interrupted", "Interrupted while waiting for the browser");
      }
    }
  }

  /** The page for the browser, and what to do once it has been sent. */
  private record Handled(Reply reply, Runnable then) {}

  private void handle(HttpExchange exchange, String path) throws IOException {
    Handled handled = null;
    try (exchange) {
      if (!exchange.getRequestURI().getRawPath().equals(path)
          || !"GET".equals(exchange.getRequestMethod())) {
        respond(
            exchange,
            404,
            new Reply(false, "Not found", "This address only receives the OAuth redirect."));
        return;
      }
      Map<String, String> parameters = query(exchange.getRequestURI().getRawQuery());
      Function<Map<String, String>, Handled> current = handler;
      if (current == null
          || outcome.isDone()
          || !Objects.equals(parameters.get("state"), expectedState)) {
        respond(
            exchange,
            400,
            new Reply(
                false,
                "Unknown authorization",
                "This page belongs to another or an earlier connect. Run the connect command again."));
        return;
      }
      handler = null;
      handled = current.apply(parameters);
      respond(exchange, handled.reply().success() ? 200 : 400, handled.reply());
    } finally {
      if (handled != null) {
        handled.then().run();
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, Reply reply) throws IOException {
    byte[] page = page(reply).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, page.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(page);
    }
  }

  private static String page(Reply reply) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(reply.title())
        + "</title><style>body{font:16px system-ui,sans-serif;margin:4em auto;max-width:36em;color:#222}"
        + "h1{font-size:1.4em}</style></head><body><h1>"
        + escape(reply.title())
        + "</h1><p>"
        + escape(reply.detail())
        + "</p><p>You can close this window and return to the terminal.</p></body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.putIfAbsent(key, value);
    }
    return parameters;
  }

  private static InetAddress loopback(URI redirectUri) {
    String host =
        redirectUri.getHost() == null ? "" : redirectUri.getHost().toLowerCase(Locale.ROOT);
    if (!"http".equalsIgnoreCase(redirectUri.getScheme())) {
      throw notLocal(redirectUri);
    }
    if (host.equals("localhost")) {
      return InetAddress.getLoopbackAddress();
    }
    if (host.matches("127(\\.\\d{1,3}){3}|\\[::1]|::1")) {
      try {
        return InetAddress.getByName(host);
      } catch (IOException e) {
        throw notLocal(redirectUri);
      }
    }
    throw notLocal(redirectUri);
  }

  private static CliException notLocal(URI redirectUri) {
    return new CliException(
        ExitCodes.NOT_CONFIGURED,
        "redirect_not_local",
        "The OAuth redirect URI "
            + redirectUri
            + " is not a plain-http loopback address on this machine, so "
            + "connect cannot wait for it: use --no-wait and let the server complete the connection, or "
            + "--port 0 to receive it on a loopback port (Google desktop OAuth clients accept any)");
  }

  private static URI withPort(URI uri, int port) {
    return URI.create(
        uri.getScheme()
            + "://"
            + uri.getRawAuthority().replaceFirst(":\\d+$", "")
            + ":"
            + port
            + (uri.getRawPath() == null ? "" : uri.getRawPath()));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
