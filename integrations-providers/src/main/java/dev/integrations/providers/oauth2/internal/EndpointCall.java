package dev.integrations.providers.oauth2.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.providers.catalog.ProviderSpec.RequestFormat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends a request Nimbus built (a token or revocation request) over the shared OkHttp client, as a
 * form or, for providers that want it, as JSON. The body holds secrets: it is never logged, and
 * failures name the provider and the status only. Each call is bounded by the current request
 * {@link Deadline}.
 */
public final class EndpointCall {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType FORM =
      MediaType.get("application/x-www-form-urlencoded; charset=utf-8");
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_ANSWER_CHARS = 64 * 1024;

  private final OkHttpClient http;
  private final String provider;

  /** Calls for {@code provider} (its display name, for messages) on {@code http}. */
  public EndpointCall(OkHttpClient http, String provider) {
    this.http = http;
    this.provider = provider;
  }

  /** What the endpoint answered. */
  public record Reply(int status, String contentType, String body, Duration retryAfter) {
    /** Whether the status is 2xx. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Sends {@code request} encoded as {@code format}, asking for JSON.
   *
   * @throws ProviderException {@code provider_timeout} or {@code provider_unavailable} when no
   *     answer came; a {@code provider_unavailable} whose cause is a {@link
   *     java.net.ConnectException} or {@link java.net.UnknownHostException} was never sent
   */
  public Reply send(HTTPRequest request, RequestFormat format) {
    Request.Builder builder =
        new Request.Builder().url(request.getURL()).header("Accept", "application/json");
    Map<String, List<String>> headers = request.getHeaderMap();
    headers.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase("Content-Type")) {
            values.forEach(value -> builder.addHeader(name, value));
          }
        });
    String body = request.getBody() == null ? "" : request.getBody();
    builder.post(
        format == RequestFormat.JSON
            ? RequestBody.create(json(body), JSON_TYPE)
            : RequestBody.create(body, FORM));
    return execute(builder.build());
  }

  /**
   * Sends a POST that carries {@code bearer} as its credential and no body (Slack's and Dropbox's
   * revoke).
   */
  public Reply postWithBearer(String url, String bearer) {
    return execute(
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .post(RequestBody.create(new byte[0], null))
            .build());
  }

  private Reply execute(Request request) {
    Call call = http.newCall(request);
    Deadline deadline = Deadline.current(); // the request's deadline bounds each attempt
    if (deadline.isBounded()) {
      if (deadline.isExpired()) {
        throw deadline.exceeded(provider);
      }
      call.timeout().timeout(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    }
    try (Response response = call.execute()) {
      String text = response.body().string();
      return new Reply(
          response.code(),
          response.header("Content-Type"),
          text.length() > MAX_ANSWER_CHARS ? text.substring(0, MAX_ANSWER_CHARS) : text,
          retryAfter(response.header("Retry-After")));
    } catch (InterruptedIOException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_TIMEOUT, provider + " did not answer in time.", e);
    } catch (IOException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE, provider + " could not be reached.", e);
    }
  }

  private static String json(String formBody) {
    ObjectNode object = JSON.createObjectNode();
    URLUtils.parseParameters(formBody)
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                object.put(name, values.get(0));
              }
            });
    return object.toString();
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null; // an HTTP date: treated as no hint
    }
  }
}
