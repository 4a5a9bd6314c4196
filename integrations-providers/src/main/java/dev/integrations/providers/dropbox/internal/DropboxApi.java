package dev.integrations.providers.dropbox.internal;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.CredentialsRejectedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.internal.HttpCalls;
import dev.integrations.providers.internal.HttpCalls.Repeat;
import dev.integrations.providers.internal.HttpCalls.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Calls Dropbox's two hosts: RPC endpoints at the catalog's {@code base_url} ({@code
 * api.dropboxapi.com}, a JSON body) and content endpoints at its {@code content_url} ({@code
 * content.dropboxapi.com}, the arguments as JSON in the {@code Dropbox-API-Arg} header with every
 * non-ASCII character escaped as {@code \\uXXXX}, the bytes as the body). Dropbox's errors become
 * the core's: 401 {@code expired_access_token} / {@code invalid_access_token} refuse the
 * credentials (the core refreshes once and tries again), 401 {@code missing_scope} is {@code
 * missing_scopes}, 409 endpoint errors ({@code path/not_found/..}) are {@code provider_rejected},
 * 429 after the retries {@code rate_limited}, 5xx {@code provider_error}.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://www.dropbox.com/developers/documentation/http/documentation">Dropbox HTTP
 *     API</a>
 */
public final class DropboxApi {
  private static final MediaType JSON = MediaType.get("application/json");

  /** The media type of content uploads: Dropbox takes no other. */
  static final MediaType BYTES = MediaType.get("application/octet-stream");

  static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private final IntegrationType type;
  private final ProviderSpec.ApiSettings api;
  private final HttpUrl base;
  private final HttpUrl content;
  private final HttpCalls calls;

  /**
   * Dropbox as {@code spec} (placeholders filled) describes it; {@code content_url} is required.
   */
  public DropboxApi(ProviderSpec spec, OkHttpClient http, RetrySettings retries) {
    if (spec.api().contentUrl() == null) {
      throw new IllegalArgumentException("the Dropbox entry needs content_url (the content host)");
    }
    this.type = IntegrationType.of(spec.key());
    this.api = spec.api();
    this.base = HttpUrl.get(spec.api().baseUrl());
    this.content = HttpUrl.get(spec.api().contentUrl());
    this.calls = new HttpCalls(spec.name(), http, retries);
  }

  /** The provider's name, as errors show it. */
  public String service() {
    return calls.service();
  }

  /** A new JSON object for arguments. */
  public static ObjectNode arguments() {
    return MAPPER.createObjectNode();
  }

  /**
   * Calls the RPC endpoint {@code function} ({@code files/list_folder}) with JSON {@code
   * arguments}.
   */
  public JsonNode rpc(String function, ObjectNode arguments, Secret token, Repeat repeat) {
    Request request =
        authorized(new Request.Builder().url(url(base, function)), token)
            .post(RequestBody.create(arguments.toString().getBytes(StandardCharsets.UTF_8), JSON))
            .build();
    return json(ok(calls.send(request, repeat), repeat));
  }

  /**
   * Sends {@code body} to the content endpoint {@code function} with {@code arguments} in the
   * header, as one step of a transfer (see {@link HttpCalls#transfer}); returns the answer,
   * whatever its status.
   */
  public Reply upload(
      String function, ObjectNode arguments, Secret token, RequestBody body, Repeat repeat) {
    Request request =
        authorized(new Request.Builder().url(url(content, function)), token)
            .header("Dropbox-API-Arg", headerJson(arguments))
            .post(body)
            .build();
    return calls.transfer(request, repeat);
  }

  /** {@code arguments} as JSON that is plain ASCII, as an HTTP header must be. */
  static String headerJson(ObjectNode arguments) {
    try {
      return MAPPER.writeValueAsString(arguments).replace("\u007f", "\\u007f");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code reply} when it is a success; otherwise the error it stands for. */
  public Reply ok(Reply reply, Repeat repeat) {
    if (reply.ok()) {
      return reply;
    }
    throw error(reply, repeat);
  }

  /** The JSON of an answer. */
  public JsonNode json(Reply reply) {
    try {
      JsonNode node = MAPPER.readTree(reply.body());
      return node == null ? MAPPER.nullNode() : node;
    } catch (IOException e) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR, service() + " answered something other than JSON.", e);
    }
  }

  /** The {@code error} object of an error answer, empty when the answer is not Dropbox's JSON. */
  public static JsonNode errorOf(Reply reply) {
    try {
      JsonNode node = MAPPER.readTree(reply.body());
      return node == null ? MAPPER.createObjectNode() : node;
    } catch (IOException e) {
      return MAPPER.createObjectNode();
    }
  }

  /** The core's error for Dropbox's error answer {@code reply}. */
  public IntegrationException error(Reply reply, Repeat repeat) {
    JsonNode answer = errorOf(reply);
    String summary = answer.path("error_summary").asText("");
    String said = summary.isEmpty() ? firstLine(reply) : summary;
    int status = reply.status();
    if (status == 401) {
      if (answer.path("error").path(".tag").asText().equals("missing_scope")) {
        String scope = answer.path("error").path("required_scope").asText("");
        return new MissingScopesException(
            type, scope.isEmpty() ? Set.of("(unnamed)") : Set.of(scope));
      }
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
              + ")."
              + (repeat == Repeat.UNSAFE
                  ? " It was not repeated, because " + service() + " may have acted on it."
                  : ""));
    }
    if (summary.startsWith("path/insufficient_space") || summary.contains("/insufficient_space")) {
      return new ProviderException(
          ErrorCode.PAYLOAD_TOO_LARGE, service() + " has no room for the file (" + said + ").");
    }
    return new ProviderException(
        ErrorCode.PROVIDER_REJECTED, service() + " refused the request (" + said + ").");
  }

  private static String firstLine(Reply reply) {
    String text = reply.text().strip();
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.isEmpty()
        ? "HTTP " + reply.status()
        : line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static HttpUrl url(HttpUrl root, String function) {
    HttpUrl.Builder url = root.newBuilder();
    for (String segment : function.split("/")) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  private Request.Builder authorized(Request.Builder request, Secret token) {
    api.headers().forEach(request::header);
    return request.header(
        api.credentialName() == null ? "Authorization" : api.credentialName(),
        api.credentialFormat().replace("{token}", token.reveal()));
  }
}
