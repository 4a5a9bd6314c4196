package dev.integrations.testing.providers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider's host for file contents (Dropbox's {@code content.dropboxapi.com}, OneDrive's
 * upload-session URLs) on a loopback port: request bodies are streamed through, counted and
 * digested, never kept, so that a test can upload more than its own heap holds. A JDK {@code
 * HttpServer}, not a MockWebServer, because MockWebServer keeps every request body it received.
 *
 * <p>Thread-safe: requests are handled one at a time; the recorded requests are a concurrent list.
 */
public final class ContentHost implements AutoCloseable {
  /**
   * A request as received, without its body.
   *
   * @param method the method
   * @param path the decoded path
   * @param headers the first value of each header, names lower-cased
   * @param bodyLength the bytes of the body the handler read or that were drained after it
   */
  public record Received(String method, String path, Map<String, String> headers, long bodyLength) {
    /** The header {@code name}, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** An answer. */
  public record Reply(int status, Map<String, String> headers, String body) {
    /** A JSON answer. */
    public static Reply json(int status, String body, String... headers) {
      Map<String, String> all = new java.util.LinkedHashMap<>();
      all.put("Content-Type", "application/json");
      for (int i = 0; i < headers.length; i += 2) {
        all.put(headers[i], headers[i + 1]);
      }
      return new Reply(status, all, body);
    }

    /** A plain-text answer. */
    public static Reply text(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
    }
  }

  /** One request being handled: its headers, and its body to stream once. */
  public static final class Request {
    private final HttpExchange exchange;
    private final Map<String, String> headers;
    private long read;

    private Request(HttpExchange exchange, Map<String, String> headers) {
      this.exchange = exchange;
      this.headers = headers;
    }

    /** The method. */
    public String method() {
      return exchange.getRequestMethod();
    }

    /** The decoded path. */
    public String path() {
      return exchange.getRequestURI().getPath();
    }

    /** The header {@code name}, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Streams the body into {@code digest} and returns its length. */
    public long readInto(MessageDigest digest) throws IOException {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      InputStream in = exchange.getRequestBody(); // closed by the host once the answer is chosen
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
        total += n;
      }
      read += total;
      return total;
    }

    /** Reads the (small) body as text. */
    public String text() throws IOException {
      byte[] body = exchange.getRequestBody().readAllBytes();
      read += body.length;
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    /** The answer to {@code request}; the body it did not read is drained. */
    Reply handle(Request request) throws IOException;
  }

  /** Every request received, in order. */
  public final List<Received> received = new CopyOnWriteArrayList<>();

  private final HttpServer server;

  /** Starts the host on a loopback port, answering with {@code handler}. */
  public ContentHost(Handler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          Map<String, String> headers = new java.util.HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach(
                  (name, values) ->
                      headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
          Request request = new Request(exchange, headers);
          Reply reply;
          try {
            reply = handler.handle(request);
          } catch (IOException | RuntimeException e) {
            reply = Reply.text(500, "stand-in failure: " + e);
          }
          try (InputStream rest = exchange.getRequestBody()) {
            request.read += rest.transferTo(OutputStream.nullOutputStream());
          }
          received.add(
              new Received(request.method(), request.path(), Map.copyOf(headers), request.read));
          byte[] body =
              reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
          reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
          exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** The base URL of this host, without a trailing slash. */
  public String url() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  /** The requests received for {@code path}, in order. */
  public List<Received> receivedAt(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lower-case hex of {@code digest}'s value (which resets it). */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
