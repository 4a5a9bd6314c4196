package dev.integrations.providers.microsoft.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Secret;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.internal.HttpCalls;
import dev.integrations.providers.internal.HttpCalls.Repeat;
import dev.integrations.providers.internal.HttpCalls.Reply;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Calls Microsoft Graph at the catalog entry's {@code base_url} with the connection's token, and
 * turns Graph's error answers ({@code {"error": {"code", "message"}}}) into the core's errors: 401
 * (Graph's {@code InvalidAuthenticationToken}) refuses the credentials, so that the core refreshes
 * once and tries again; 429 after the retries is {@code rate_limited} with Graph's {@code
 * Retry-After}; other 4xx are {@code provider_rejected}, 5xx {@code provider_error}.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/graph/errors">Microsoft Graph error responses</a>
 */
public final class Graph {
  /** JSON, as Graph takes it. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final ProviderSpec.ApiSettings api;
  private final HttpUrl base;
  private final HttpCalls calls;

  /**
   * Graph as {@code spec} (placeholders filled) describes it, for the integration {@code
   * spec.name()}.
   */
  public Graph(ProviderSpec spec, OkHttpClient http, RetrySettings retries) {
    this.api = spec.api();
    this.base = HttpUrl.get(spec.api().baseUrl());
    this.calls = new HttpCalls(spec.name(), http, retries);
  }

  /** The provider's name ("Outlook"), as errors show it. */
  public String service() {
    return calls.service();
  }

  /** The calls, for requests that carry no token (an upload session's own URL). */
  public HttpCalls calls() {
    return calls;
  }

  /** A URL below the base URL: its path segments (encoded here), no query. */
  public HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url;
  }

  /**
   * {@code link} (an {@code @odata.nextLink} a caller brought back) when it stays on Graph's host
   * below the base URL; otherwise a refusal, so that a page token never sends the token elsewhere.
   */
  public HttpUrl nextLink(String link) {
    HttpUrl url = HttpUrl.parse(link);
    String basePath =
        base.encodedPath().endsWith("/") ? base.encodedPath() : base.encodedPath() + "/";
    if (url == null
        || !url.scheme().equals(base.scheme())
        || !url.host().equals(base.host())
        || url.port() != base.port()
        || !url.encodedPath().startsWith(basePath)
        || url.encodedPath().contains("/../")
        || url.encodedPath().contains("/%2E")) {
      throw new InvalidRequestException(
          "page_token is not a page of this " + service() + " listing.");
    }
    return url;
  }

  /** GETs {@code url} and reads its JSON answer. */
  public JsonNode get(HttpUrl url, Secret token, String... headers) {
    Request.Builder request = authorized(new Request.Builder().url(url).get(), token);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return json(ok(calls.send(request.build(), Repeat.SAFE), Repeat.SAFE));
  }

  /** Sends {@code method} {@code url} with a body, returning the successful answer. */
  public Reply send(String method, HttpUrl url, Secret token, RequestBody body, Repeat repeat) {
    Request request =
        authorized(new Request.Builder().url(url).method(method, body), token).build();
    return ok(calls.send(request, repeat), repeat);
  }

  /** {@code reply} when it is a success; otherwise the error it stands for. */
  public Reply ok(Reply reply, Repeat repeat) {
    if (reply.ok()) {
      return reply;
    }
    throw error(reply, repeat);
  }

  /** The core's error for Graph's error answer {@code reply}. */
  public IntegrationException error(Reply reply, Repeat repeat) {
    JsonNode error = parse(reply).path("error");
    String code = error.path("code").asText("");
    String message = error.path("message").asText("");
    String said =
        code.isEmpty()
            ? "HTTP " + reply.status()
            : code + (message.isEmpty() ? "" : ": " + message);
    int status = reply.status();
    if (status == 401) {
      return new CredentialsRejectedException(
          service() + " refused the credentials (" + said + ").");
    }
    if (status == 429) {
      return new ProviderException(
          ErrorCode.RATE_LIMITED,
          service() + " is limiting the rate of requests (" + said + "); try again later.",
          reply.retryAfter(),
          null);
    }
    if (status >= 500) {
      return new ProviderException(
          ErrorCode.PROVIDER_ERROR,
          service()
              + " failed (HTTP "
              + status
              + ", "
              + said
              + ")."
              + (repeat == Repeat.UNSAFE
                  ? " It was not repeated, because " + service() + " may have acted on it."
                  : ""));
    }
    if (status == 413) {
      return new ProviderException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          service() + " refused the upload as too large (" + said + ").");
    }
    return new ProviderException(
        ErrorCode.PROVIDER_REJECTED, service() + " refused the request (" + said + ").");
  }

  /** The JSON of a successful answer. */
  public JsonNode json(Reply reply) {
    try {
      return MAPPER.readTree(reply.body());
    } catch (IOException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR, service() + " answered something other than JSON.", e);
    }
  }

  private static JsonNode parse(Reply reply) {
    try {
      JsonNode node = MAPPER.readTree(reply.body());
      return node == null ? MAPPER.createObjectNode() : node;
    } catch (IOException e) {
      return MAPPER.createObjectNode();
    }
  }

  private Request.Builder authorized(Request.Builder request, Secret token) {
    api.headers().forEach(request::header);
    return request.header(
        api.credentialName() == null ? "Authorization" : api.credentialName(),
        api.credentialFormat().replace("{token}", token.reveal()));
  }
}
