package dev.integrations.providers.google.internal;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * A google-http-client {@link HttpTransport} that sends every request through one {@link
 * OkHttpClient}: connection pooling, timeouts and TLS come from OkHttp, shared with the rest of the
 * application.
 *
 * <p>Each request is also bounded by the current request {@link
 * dev.integrations.core.model.Deadline}, as its {@link Timing} says: google-http-client's own
 * per-request timeouts are ignored.
 *
 * <p>Each request reports an I/O failure that happened before any byte of it reached the socket as
 * a {@link RequestNotSentException}, so that callers can retry even a non-idempotent call safely.
 *
 * <p>Thread-safe.
 */
public final class OkHttpTransport extends HttpTransport {
  /** How the current request deadline bounds each request. */
  public enum Timing {
    /**
     * The whole attempt (connect, send, wait, read the answer) ends by the deadline: OkHttp's call
     * timeout is set to what is left of it, and an attempt is not started once it has run out.
     */
    DEADLINE,
    /**
     * For uploads, whose bytes may take longer to flow than any deadline: the transfer may go on
     * past the deadline as long as it progresses, but no connect, no write and no wait for the
     * answer may stall longer than the deadline's length (or the client's own shorter timeouts).
     */
    STALL
  }

  private final OkHttpClient client;
  private final Timing timing;

  /**
   * A transport that sends every request with {@code client}, each attempt ending by the deadline.
   */
  public OkHttpTransport(OkHttpClient client) {
    this(client, Timing.DEADLINE);
  }

  /** A transport that sends every request with {@code client}, bounded as {@code timing} says. */
  public OkHttpTransport(OkHttpClient client, Timing timing) {
    this.client = Objects.requireNonNull(client, "client");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  @Override
  public boolean supportsMethod(String method) {
    return true;
  }

  @Override
  protected LowLevelHttpRequest buildRequest(String method, String url) {
    return new OkHttpLowLevelRequest(client, timing, method, url);
  }
}
