package dev.integrations.providers.google.internal;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.util.StreamingContent;
import dev.integrations.core.model.Deadline;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;
import okio.BufferedSink;

/** One request of {@link OkHttpTransport}; used once, by one thread. */
final class OkHttpLowLevelRequest extends LowLevelHttpRequest {
  private final OkHttpClient client;
  private final OkHttpTransport.Timing timing;
  private final String method;
  private final Request.Builder request;

  OkHttpLowLevelRequest(
      OkHttpClient client, OkHttpTransport.Timing timing, String method, String url) {
    this.client = client;
    this.timing = timing;
    this.method = method;
    this.request = new Request.Builder().url(url);
  }

  @Override
  public void addHeader(String name, String value) {
    request.addHeader(name, value);
  }

  /**
   * Ignored: google-http-client passes its own per-request defaults here (20 s), but every call's
   * timeouts come from the OkHttp client, which the application configures once, and from the
   * current request deadline.
   */
  @Override
  public void setTimeout(int connectTimeout, int readTimeout) {}

  /** Ignored, like {@link #setTimeout}. */
  @Override
  public void setWriteTimeout(int writeTimeout) {}

  @Override
  public LowLevelHttpResponse execute() throws IOException {
    if (getContentEncoding() != null) {
      request.addHeader("Content-Encoding", getContentEncoding());
    }
    request.method(method, body());
    Call call = newCall(request.build(), Deadline.current());
    AtomicBoolean written = new AtomicBoolean();
    call.addEventListener(
        new EventListener() {
          @Override
          public void requestHeadersStart(Call c) {
            written.set(true);
          }
        });
    try {
      return new OkHttpLowLevelResponse(call.execute());
    } catch (IOException e) {
      throw written.get() && !refusedUnprocessed(e) ? e : new RequestNotSentException(e);
    }
  }

  /** A call of {@code request}, bounded by {@code deadline} as the transport's timing says. */
  private Call newCall(Request request, Deadline deadline) throws DeadlineExceededException {
    if (!deadline.isBounded()) {
      return client.newCall(request);
    }
    if (timing == OkHttpTransport.Timing.STALL) {
      long stall = Math.max(1, deadline.timeout().toMillis());
      return client
          .newBuilder()
          .connectTimeout(Duration.ofMillis(atMost(client.connectTimeoutMillis(), stall)))
          .writeTimeout(Duration.ofMillis(atMost(client.writeTimeoutMillis(), stall)))
          .readTimeout(Duration.ofMillis(atMost(client.readTimeoutMillis(), stall)))
          .build()
          .newCall(request);
    }
    if (deadline.isExpired()) {
      throw new DeadlineExceededException();
    }
    Call call = client.newCall(request);
    long limit = deadline.remaining().toNanos();
    if (client.callTimeoutMillis() > 0) {
      limit = Math.min(limit, TimeUnit.MILLISECONDS.toNanos(client.callTimeoutMillis()));
    }
    call.timeout().timeout(Math.max(1, limit), TimeUnit.NANOSECONDS);
    return call;
  }

  /** The shorter of an OkHttp timeout ({@code 0} meaning none) and {@code limitMillis}. */
  private static long atMost(int timeoutMillis, long limitMillis) {
    return timeoutMillis == 0 ? limitMillis : Math.min(timeoutMillis, limitMillis);
  }

  /** An HTTP/2 REFUSED_STREAM guarantees the server did not process the request (RFC 9113 8.7). */
  private static boolean refusedUnprocessed(IOException e) {
    return e instanceof StreamResetException reset && reset.errorCode == ErrorCode.REFUSED_STREAM;
  }

  @SuppressWarnings("deprecation") // StreamingContent is what LowLevelHttpRequest hands us
  private RequestBody body() {
    StreamingContent content = getStreamingContent();
    if (content == null) {
      return requiresBody(method) ? RequestBody.EMPTY : null;
    }
    MediaType type = getContentType() == null ? null : MediaType.parse(getContentType());
    long length = getContentLength();
    // One-shot: OkHttp must never replay a body on its own; the caller decides what may be retried.
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        content.writeTo(sink.outputStream());
      }
    };
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }
}
