package dev.integrations.providers.google.internal;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * A google-http-client {@link HttpTransport} that sends every request through one {@link OkHttpClient}:
 * connection pooling, timeouts and TLS come from OkHttp, shared with the rest of the application.
 *
 * <p>Each request reports an I/O failure that happened before any byte of it reached the socket as a
 * {@link RequestNotSentException}, so that callers can retry even a non-idempotent call safely.
 *
 * <p>Thread-safe.
 */
public final class OkHttpTransport extends HttpTransport {
  private final OkHttpClient client;

  /** A transport that sends every request with {@code client}. */
  public OkHttpTransport(OkHttpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public boolean supportsMethod(String method) {
    return true;
  }

  @Override
  protected LowLevelHttpRequest buildRequest(String method, String url) {
    return new OkHttpLowLevelRequest(client, method, url);
  }
}
