package dev.integrations.providers.telegram;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A MockWebServer on 127.0.0.1 with Bot API answers, and a dispatcher that timestamps each request.
 */
final class BotApiServer {
  static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  static final String SECRET_PART = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  private BotApiServer() {}

  static MockWebServer start() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  static String url(MockWebServer server) {
    return "http://127.0.0.1:" + server.getPort() + "/";
  }

  static MockResponse json(int code, String body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
  }

  static MockResponse ok(String resultJson) {
    return json(200, "{\"ok\":true,\"result\":" + resultJson + "}");
  }

  static MockResponse me() {
    return ok(
        "{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Alerts\",\"username\":\"alerts_bot\"}");
  }

  static MockResponse sent(long messageId) {
    return ok(
        "{\"message_id\":"
            + messageId
            + ",\"date\":1700000000,\"chat\":{\"id\":42},\"text\":\"hi\"}");
  }

  static MockResponse error(int code, String description) {
    return json(
        code, "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}");
  }

  static MockResponse tooManyRequests(int retryAfter) {
    return json(
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
            + retryAfter
            + "\",\"parameters\":{\"retry_after\":"
            + retryAfter
            + "}}");
  }

  /** Answers every sendMessage with a new message id and records when each request arrived. */
  static final class TimingDispatcher extends Dispatcher {
    record Arrival(long nanos, String body) {}

    private final AtomicLong ids = new AtomicLong();
    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      arrivals.add(
          new Arrival(
              System.nanoTime(), request.getBody() == null ? "" : request.getBody().utf8()));
      synchronized (this) {
        notifyAll();
      }
      return sent(ids.incrementAndGet());
    }

    /**
     * Blocks until {@code count} requests whose body matches {@code body} arrived; fails after 30
     * s.
     */
    synchronized void awaitArrivals(java.util.function.Predicate<String> body, int count)
        throws InterruptedException {
      long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (arrivals.stream().filter(a -> body.test(a.body())).count() < count) {
        long left = giveUp - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(count + " requests did not arrive; got " + arrivals);
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}
