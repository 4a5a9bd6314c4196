package dev.integrations.providers.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a plug-in's HTTP requests to a provider with the providers' one {@link Retrier}: any
 * request is repeated after a 429 (once its {@code Retry-After} is waited out) and when its
 * connection failed before it was sent; a {@link Repeat#SAFE} one also after a 5xx and any other
 * network failure. A {@link Repeat#UNSAFE} request (a sent mail, an upload's commit) is never
 * repeated once the provider may have acted on it. Answers are read up to {@link
 * #MAX_ANSWER_BYTES}; request bodies must be repeatable (a byte array), since a retry sends them
 * again. URLs are never logged.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpCalls {
  /** The largest answer read; a larger one fails as a provider error. */
  public static final int MAX_ANSWER_BYTES = 10 * 1024 * 1024;

  /** Whether repeating a request is harmless once the provider may have received it. */
  public enum Repeat {
    /** Reads, and writes whose repetition changes nothing. */
    SAFE,
    /**
     * Writes that must not happen twice: repeated only when the provider proved it turned them
     * away.
     */
    UNSAFE
  }

  /**
   * A provider's answer.
   *
   * @param status the HTTP status
   * @param headers the answer's headers
   * @param body the answer's body, at most {@link #MAX_ANSWER_BYTES}
   */
  public record Reply(int status, Headers headers, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the status is 2xx. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The wait the provider asked for with {@code Retry-After}, or null. */
    public Duration retryAfter() {
      return RetryAfter.parse(headers.get("Retry-After"));
    }
  }

  private final String service;
  private final OkHttpClient http;
  private final Retrier retrier;

  /** Requests to {@code service} ("OneDrive") on {@code http}, retried as {@code retries} say. */
  public HttpCalls(String service, OkHttpClient http, RetrySettings retries) {
    this.service = service;
    this.http = http;
    this.retrier = new Retrier(retries);
  }

  /** The provider's name, as errors show it. */
  public String service() {
    return service;
  }

  /**
   * Sends {@code request} and returns the provider's last answer, whatever its status. Each
   * attempt, and each wait between attempts, ends by the current request {@link Deadline}.
   *
   * @throws ProviderException when the provider could not be reached or did not answer in time
   */
  public Reply send(Request request, Repeat repeat) {
    return retrier.run(
        service, rule(repeat), () -> execute(http, request, Deadline.current(), repeat));
  }

  /**
   * Sends one step of a long transfer (an upload's chunk): the bytes may flow past the request's
   * deadline, but no connect, write, wait for the answer or retry wait may take longer than the
   * deadline's whole length, counted from this step.
   */
  public Reply transfer(Request request, Repeat repeat) {
    Deadline outer = Deadline.current();
    if (!outer.isBounded()) {
      return send(request, repeat);
    }
    Duration window = outer.timeout();
    OkHttpClient stalling =
        http.newBuilder()
            .connectTimeout(atMost(http.connectTimeoutMillis(), window))
            .writeTimeout(atMost(http.writeTimeoutMillis(), window))
            .readTimeout(atMost(http.readTimeoutMillis(), window))
            .build();
    return retrier.run(
        service,
        rule(repeat),
        () -> execute(stalling, request, Deadline.none(), repeat),
        Deadline.after(window));
  }

  private RetryRule<Reply> rule(Repeat repeat) {
    return new RetryRule<>() {
      @Override
      public Verdict afterFailure(Exception failure) {
        boolean network =
            failure instanceof ProviderException && failure.getCause() instanceof IOException;
        return network && (repeat == Repeat.SAFE || neverSent(failure.getCause()))
            ? Verdict.RETRY
            : Verdict.FINAL;
      }

      @Override
      public Verdict afterResult(Reply reply) {
        boolean retryable =
            reply.status() == 429 || (repeat == Repeat.SAFE && reply.status() >= 500);
        return retryable ? Verdict.retryAfter(reply.retryAfter()) : Verdict.FINAL;
      }
    };
  }

  private Reply execute(OkHttpClient client, Request request, Deadline deadline, Repeat repeat) {
    Call call = client.newCall(request);
    if (deadline.isBounded()) {
      if (deadline.isExpired()) {
        throw deadline.exceeded(service);
      }
      call.timeout().timeout(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    }
    try (Response response = call.execute()) {
      return new Reply(response.code(), response.headers(), read(response));
    } catch (InterruptedIOException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_TIMEOUT,
          service + " did not answer in time." + notRepeated(repeat, e),
          e);
    } catch (IOException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          service + " could not be reached." + notRepeated(repeat, e),
          e);
    }
  }

  /** The sentence that says an unsafe request was not sent again, or nothing. */
  public String notRepeated(Repeat repeat, Throwable failure) {
    return repeat == Repeat.UNSAFE && !neverSent(failure)
        ? " It was not repeated, because " + service + " may have acted on it."
        : "";
  }

  private byte[] read(Response response) throws IOException {
    try (InputStream in = response.body().byteStream()) {
      byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
      if (body.length > MAX_ANSWER_BYTES) {
        throw new ProviderException(
            ErrorCode.PROVIDER_ERROR,
            service + "'s answer is larger than " + (MAX_ANSWER_BYTES / (1024 * 1024)) + " MiB.");
      }
      return body;
    }
  }

  private static boolean neverSent(Throwable failure) {
    return failure instanceof ConnectException || failure instanceof UnknownHostException;
  }

  private static Duration atMost(int millis, Duration window) {
    Duration own = Duration.ofMillis(millis);
    return millis > 0 && own.compareTo(window) < 0 ? own : window;
  }
}
