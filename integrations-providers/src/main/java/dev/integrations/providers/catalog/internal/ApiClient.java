package dev.integrations.providers.catalog.internal;

import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.Secret;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.ProviderSpec.ApiSettings;
import dev.integrations.providers.internal.Retrier;
import dev.integrations.providers.internal.RetryAfter;
import dev.integrations.providers.internal.RetryRule;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls a catalog provider's API: its base URL and no other host, the credential where the catalog
 * puts it (header, query or path, as in Telegram's {@code /bot<token>/}), the catalog's fixed
 * headers, bounded answers, and the providers' one {@link Retrier}: any call on 429 (after {@code
 * Retry-After}) and when the connection failed before the request was sent, idempotent calls also
 * on 5xx and other network failures, never past the current request {@link Deadline} (each
 * attempt's timeout is what is left of it). A 401 throws {@link CredentialsRejectedException}. URLs
 * are never logged: one may hold a token.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiClient {
  /** The largest answer read from a provider; a larger one fails as a provider error. */
  public static final int MAX_ANSWER_BYTES = 10 * 1024 * 1024;

  private final String provider;
  private final ApiSettings api;
  private final HttpUrl base;
  private final OkHttpClient http;
  private final Retrier retrier;

  /**
   * Calls to {@code spec}'s API (placeholders filled) on {@code http}, with the default retries.
   */
  public ApiClient(ProviderSpec spec, OkHttpClient http) {
    this(spec, http, RetrySettings.defaults());
  }

  /**
   * Calls to {@code spec}'s API (placeholders filled) on {@code http}, retried as {@code retries}
   * say.
   */
  public ApiClient(ProviderSpec spec, OkHttpClient http, RetrySettings retries) {
    this.provider = spec.name();
    this.api = spec.api();
    this.base = HttpUrl.get(spec.api().baseUrl());
    this.http = http;
    this.retrier = new Retrier(retries);
  }

  /** An answer: status, headers, body. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the status is 2xx. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Calls {@code method} {@code path} (below the base URL, with its query) with {@code token}.
   *
   * @param idempotent whether the call may be repeated after a failure that may have reached the
   *     provider
   * @throws CredentialsRejectedException on 401
   * @throws ProviderException when the provider cannot be reached, or keeps failing, after the
   *     retries
   */
  public Answer call(
      String method,
      String path,
      Secret token,
      Map<String, List<String>> headers,
      byte[] body,
      String contentType,
      boolean idempotent) {
    Request request = request(method, path, token, headers, body, contentType);
    Answer answer = retrier.run(provider, rule(idempotent), () -> execute(request));
    if (answer.status() == 401) {
      throw new CredentialsRejectedException(provider + " refused the credentials (HTTP 401).");
    }
    return answer;
  }

  /**
   * Sends a request that must never take effect twice (a message): {@code POST path} with the JSON
   * {@code body}. It is repeated only when the answer proves the provider turned it away without
   * acting on it ({@code turnedAway} says so, and how long the provider asked to wait: a 429,
   * Slack's {@code ratelimited}) or when the connection failed before the request left. A 5xx comes
   * back as the answer, not repeated; a network failure after the request may have left is a {@link
   * ProviderException} that says it was not repeated.
   *
   * @param turnedAway {@link Verdict#FINAL} for an answer that may have had an effect or is final,
   *     a retry (with the provider's wait, or null to back off) for one that proves nothing was
   *     done
   * @throws CredentialsRejectedException on 401
   * @throws ProviderException when the provider cannot be reached, or the request may have reached
   *     it and no answer came
   */
  public Answer sendOnce(
      String path,
      Secret token,
      Map<String, List<String>> headers,
      byte[] body,
      Function<Answer, Verdict> turnedAway) {
    Request request =
        request("POST", path, token, headers, body, null)
            .newBuilder()
            .post(new OneShotBody(body, MediaType.get("application/json; charset=utf-8")))
            .build();
    Answer answer;
    try {
      answer =
          retrier.run(
              provider,
              new RetryRule<Answer>() {
                @Override
                public Verdict afterFailure(Exception failure) {
                  return neverSent(failure) ? Verdict.RETRY : Verdict.FINAL;
                }

                @Override
                public Verdict afterResult(Answer result) {
                  return turnedAway.apply(result);
                }
              },
              () -> execute(request));
    } catch (ProviderException failure) {
      if (failure.getCause() instanceof IOException && !neverSent(failure)) {
        throw new ProviderException(
            failure.code(),
            failure.getMessage()
                + " The request was not repeated, because it may have reached "
                + provider
                + ".",
            failure.getCause());
      }
      throw failure;
    }
    if (answer.status() == 401) {
      throw new CredentialsRejectedException(provider + " refused the credentials (HTTP 401).");
    }
    return answer;
  }

  /**
   * A body OkHttp must not transmit twice on its own: being one-shot stops OkHttp's silent retry of
   * a request that was already (partly) written on a pooled connection, which would send a message
   * twice. This client's retry loop still writes it again when the answer proves nothing was done.
   */
  private static final class OneShotBody extends RequestBody {
    private final byte[] bytes;
    private final MediaType type;

    OneShotBody(byte[] bytes, MediaType type) {
      this.bytes = bytes.clone();
      this.type = type;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(okio.BufferedSink sink) throws IOException {
      sink.write(bytes);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }

  /** Whether a failed attempt's connection failed before any byte of the request left. */
  private static boolean neverSent(Exception failure) {
    return failure instanceof ProviderException
        && (failure.getCause() instanceof ConnectException
            || failure.getCause() instanceof UnknownHostException);
  }

  /** The wait a {@code Retry-After} header of {@code answer} asks for, or null when it has none. */
  public static Duration retryAfterHeader(Answer answer) {
    return retryAfter(answer);
  }

  /**
   * Any call is repeated after a 429 and when its connection failed before the request went out; an
   * idempotent one also after a 5xx and any other network failure. The provider's {@code
   * Retry-After} is waited out.
   */
  private static RetryRule<Answer> rule(boolean idempotent) {
    return new RetryRule<>() {
      @Override
      public Verdict afterFailure(Exception failure) {
        boolean neverSent =
            failure.getCause() instanceof ConnectException
                || failure.getCause() instanceof UnknownHostException;
        boolean network =
            failure instanceof ProviderException && failure.getCause() instanceof IOException;
        return network && (idempotent || neverSent) ? Verdict.RETRY : Verdict.FINAL;
      }

      @Override
      public Verdict afterResult(Answer answer) {
        boolean retryable = answer.status() == 429 || (idempotent && answer.status() >= 500);
        return retryable ? Verdict.retryAfter(retryAfter(answer)) : Verdict.FINAL;
      }
    };
  }

  /** The URL of {@code path}: the base URL's host, never another. */
  HttpUrl url(String path, Secret token) {
    String raw = path.startsWith("/") ? path : "/" + path;
    if (raw.startsWith("//") || raw.contains("\\")) {
      throw invalidPath(path);
    }
    int query = raw.indexOf('?');
    String rawPath = query < 0 ? raw : raw.substring(0, query);
    HttpUrl.Builder url = base.newBuilder();
    List<String> baseSegments = base.encodedPathSegments();
    if (baseSegments.size() == 1 && baseSegments.get(0).isEmpty()) {
      url.encodedPath("/");
    }
    if (api.credentialIn().equals("path")) {
      url.addPathSegment(api.credentialFormat().replace("{token}", token.reveal()));
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    for (String segment : segments) {
      String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/")) {
        throw invalidPath(path);
      }
      url.addEncodedPathSegment(segment);
    }
    if (query >= 0) {
      url.encodedQuery(raw.substring(query + 1));
    }
    if (api.credentialIn().equals("query")) {
      url.addQueryParameter(
          api.credentialName(), api.credentialFormat().replace("{token}", token.reveal()));
    }
    HttpUrl built = url.build();
    if (!built.host().equals(base.host()) || built.port() != base.port()) {
      throw invalidPath(path);
    }
    return built;
  }

  private Request request(
      String method,
      String path,
      Secret token,
      Map<String, List<String>> headers,
      byte[] body,
      String contentType) {
    Request.Builder request = new Request.Builder().url(url(path, token));
    if (headers != null) {
      headers.forEach((name, values) -> values.forEach(value -> request.addHeader(name, value)));
    }
    api.headers().forEach(request::header);
    if (api.credentialIn().equals("header")) {
      request.header(
          api.credentialName(), api.credentialFormat().replace("{token}", token.reveal()));
    }
    RequestBody requestBody = null;
    if (body != null
        && (body.length > 0
            || method.equals("POST")
            || method.equals("PUT")
            || method.equals("PATCH"))) {
      requestBody =
          RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType));
    }
    return request.method(method, requestBody).build();
  }

  private Answer execute(Request request) {
    Call call = http.newCall(request);
    Deadline deadline = Deadline.current(); // the request's deadline bounds each attempt
    if (deadline.isBounded()) {
      if (deadline.isExpired()) {
        throw deadline.exceeded(provider);
      }
      call.timeout().timeout(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    }
    try (Response response = call.execute()) {
      return new Answer(response.code(), response.headers().toMultimap(), read(response));
    } catch (InterruptedIOException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_TIMEOUT, provider + " did not answer in time.", e);
    } catch (IOException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE, provider + " could not be reached.", e);
    }
  }

  private byte[] read(Response response) throws IOException {
    try (InputStream in = response.body().byteStream()) {
      byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
      if (body.length > MAX_ANSWER_BYTES) {
        throw new ProviderException(
            ErrorCode.PROVIDER_ERROR,
            provider + "'s answer is larger than " + (MAX_ANSWER_BYTES / (1024 * 1024)) + " MiB.");
      }
      return body;
    }
  }

  private static Duration retryAfter(Answer answer) {
    List<String> values =
        answer.headers().getOrDefault("retry-after", answer.headers().get("Retry-After"));
    return values == null || values.isEmpty() ? null : RetryAfter.parse(values.get(0));
  }

  private InvalidRequestException invalidPath(String path) {
    return new InvalidRequestException(
        ErrorCode.INVALID_REQUEST,
        "The path must stay below "
            + provider
            + "'s API root: no scheme, host, '..' or '.' segments.");
  }
}
