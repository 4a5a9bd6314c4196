package dev.integrations.providers.telegram.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.internal.Retrier;
import dev.integrations.providers.internal.RetryRule;
import dev.integrations.providers.internal.RetryRule.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Bot API methods at {@code <base>/bot<token>/<method>} with the providers' one {@link
 * Retrier}: 429s after Telegram's {@code retry_after}; 5xx and I/O errors with exponential backoff
 * and jitter, but only when repeating cannot duplicate an effect. Every attempt ends by the current
 * request {@link Deadline} (OkHttp's per-call timeout is set to what is left of it), and no retry
 * is made whose wait would end after it. Nothing it logs or throws contains the token.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://core.telegram.org/bots/api#making-requests">Making requests</a>
 */
public final class BotApi {
  private static final Logger LOG = LoggerFactory.getLogger(BotApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_REPLY_BYTES = 1 << 20;

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final Retrier retrier;

  /** Calls on {@code http} to the Bot API at {@code baseUrl}, retried as {@code retries} say. */
  public BotApi(OkHttpClient http, HttpUrl baseUrl, RetrySettings retries) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.retrier = new Retrier(retries);
  }

  /** An empty parameter object for {@link #call}. */
  public static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /**
   * Calls {@code method} (GET without parameters, JSON POST with them) and returns its {@code
   * result}.
   *
   * @throws TokenRejectedException when Telegram refuses the token
   * @throws ProviderException for every other failure, after the bounded retries
   */
  public JsonNode call(BotToken token, BotMethod method, ObjectNode params) {
    Deadline deadline = Deadline.current();
    try {
      return retrier.run(
          "Telegram", rule(token, method), () -> attempt(token, method, params, deadline));
    } catch (RetryableFailure exhausted) {
      throw exhausted.error();
    }
  }

  /**
   * Repeats what {@link Failures} marked retryable, after Telegram's {@code retry_after} when it
   * gave one.
   */
  private static RetryRule<JsonNode> rule(BotToken token, BotMethod method) {
    return new RetryRule<>() {
      @Override
      public Verdict afterFailure(Exception failure) {
        return failure instanceof RetryableFailure retryable
            ? Verdict.retryAfter(retryable.retryAfter())
            : Verdict.FINAL;
      }

      @Override
      public void retrying(int failedAttempts, Duration wait, JsonNode result, Exception failure) {
        LOG.info(
            "Telegram {} for bot {} failed: {} Retrying in {} ms.",
            method.apiName(),
            token.botId(),
            failure.getMessage(),
            wait.toMillis());
      }
    };
  }

  private JsonNode attempt(BotToken token, BotMethod method, ObjectNode params, Deadline deadline) {
    if (deadline.isExpired()) {
      throw deadline.exceeded("Telegram");
    }
    Call call = http.newCall(request(token, method, params));
    long limit = deadline.remaining().toNanos();
    if (http.callTimeoutMillis() > 0) {
      limit = Math.min(limit, TimeUnit.MILLISECONDS.toNanos(http.callTimeoutMillis()));
    }
    call.timeout().timeout(Math.max(1, limit), TimeUnit.NANOSECONDS);
    DeliveryTracker tracker = new DeliveryTracker();
    call.addEventListener(tracker);
    ApiReply reply;
    try (Response response = call.execute()) {
      reply = ApiReply.parse(JSON, response.code(), response.peekBody(MAX_REPLY_BYTES).string());
    } catch (IOException e) {
      LOG.debug(
          "Telegram {} for bot {} failed", method.apiName(), token.botId(), Redacted.of(e, token));
      throw Failures.forIo(method, e, tracker.mayHaveBeenDelivered(), token, deadline);
    }
    LOG.debug(
        "Telegram {} for bot {} answered {}", method.apiName(), token.botId(), reply.status());
    if (!reply.ok()) {
      throw Failures.forReply(method, reply, token);
    }
    if (reply.result() == null) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR, "Telegram answered " + method.apiName() + " without a result.");
    }
    return reply.result();
  }

  private Request request(BotToken token, BotMethod method, ObjectNode params) {
    HttpUrl url =
        baseUrl
            .newBuilder()
            .addPathSegment(token.pathSegment())
            .addPathSegment(method.apiName())
            .build();
    Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
    if (params == null) {
      return request.get().build();
    }
    try {
      return request.post(new JsonBody(JSON.writeValueAsBytes(params))).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize Bot API parameters", e);
    }
  }

  @Override
  public String toString() {
    return "BotApi[" + baseUrl.redact() + "]";
  }
}
