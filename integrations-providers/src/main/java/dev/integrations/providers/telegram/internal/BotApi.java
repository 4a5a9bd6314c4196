package dev.integrations.providers.telegram.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Deadline;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Bot API methods at {@code <base>/bot<token>/<method>} with bounded retries (Failsafe): 429s
 * after Telegram's {@code retry_after}; 5xx and I/O errors with exponential backoff and jitter, but
 * only when repeating cannot duplicate an effect. Every attempt ends by the current request {@link
 * Deadline} (OkHttp's per-call timeout is set to what is left of it), and no retry is made whose wait
 * would end after it. Nothing it logs or throws contains the token.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://core.telegram.org/bots/api#making-requests">Making requests</a>
 */
public final class BotApi {
  private static final Logger LOG = LoggerFactory.getLogger(BotApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_REPLY_BYTES = 1 << 20;

  /** The most added to Telegram's {@code retry_after}. */
  static final long MAX_JITTER_MS = 250;

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final RetrySettings retry;

  /** Calls on {@code http} to the Bot API at {@code baseUrl}, retried as {@code retry} says. */
  public BotApi(OkHttpClient http, HttpUrl baseUrl, RetrySettings retry) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.retry = retry;
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
    if (deadline.isExpired()) {
      throw deadline.exceeded("Telegram");
    }
    Deadline budget = deadline.sooner(Deadline.after(retry.maxRetryTime().plusNanos(1)));
    Duration[] planned = new Duration[1]; // the next wait, computed before Failsafe asks whether to abort
    RetryPolicy<JsonNode> policy =
        RetryPolicy.<JsonNode>builder()
            .handle(RetryableFailure.class)
            .withMaxRetries(retry.maxRetries())
            .withMaxDuration(budget.remaining().plusNanos(1))
            .withDelayFn(
                context -> planned[0] = delayAfter(context.getLastException(), context.getAttemptCount()))
            .abortIf((result, failure) -> planned[0] != null && !budget.allows(planned[0]))
            .onRetryScheduled(
                event ->
                    LOG.info(
                        "Telegram {} for bot {} failed: {} Retrying in {} ms.",
                        method.apiName(),
                        token.botId(),
                        event.getLastException().getMessage(),
                        event.getDelay().toMillis()))
            .build();
    try {
      return Failsafe.with(policy)
          .get(() -> attempt(token, method, params, deadline, budget));
    } catch (RetryableFailure exhausted) {
      throw exhausted.error();
    } catch (FailsafeException interrupted) {
      throw new ProviderException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "Interrupted while waiting to retry Telegram " + method.apiName() + ".");
    }
  }

  private JsonNode attempt(
      BotToken token, BotMethod method, ObjectNode params, Deadline deadline, Deadline budget) {
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
      throw Failures.forReply(method, reply, token, budget.remaining());
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

  private Duration delayAfter(Throwable failure, int attempts) {
    if (failure instanceof RetryableFailure retryable && retryable.retryAfter() != null) {
      // Never earlier than Telegram asked; jitter so that waiting callers do not return together.
      return retryable.retryAfter().plusMillis(ThreadLocalRandom.current().nextLong(MAX_JITTER_MS));
    }
    long initial = retry.initialBackoff().toMillis();
    long max = retry.maxBackoff().toMillis();
    long backoff = Math.min(max, initial << Math.min(20, Math.max(0, attempts - 1)));
    return Duration.ofMillis(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
  }

  @Override
  public String toString() {
    return "BotApi[" + baseUrl.redact() + "]";
  }
}
