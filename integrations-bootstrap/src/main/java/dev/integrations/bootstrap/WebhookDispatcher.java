package dev.integrations.bootstrap;

import dev.integrations.core.model.WebhookDelivery;
import dev.integrations.core.port.WebhookDeliveryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to the webhook endpoint, in the server process. Every poll interval it claims
 * due deliveries (a lease in the database: at most one attempt of a delivery in flight across
 * servers), then, with no transaction open, POSTs each one signed per Standard Webhooks and records
 * the outcome: 2xx delivered; 410 Gone disables the endpoint; anything else (429 and 5xx included,
 * a network error, a timeout) is tried again on the retry schedule with up to 10 % jitter, never
 * sooner than a {@code Retry-After} says, and given up after the schedule's last attempt. A server
 * killed mid-delivery leaves its lease to run out; the delivery is then claimed again, with the
 * same {@code webhook-id}.
 *
 * <p>One thread; {@link #close()} stops it and waits for the attempt in flight.
 */
final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int BATCH = 10;
  private static final int ANSWER_CHARS = 200;

  private final WebhookSettings settings;
  private final WebhookDeliveryStore store;
  private final OkHttpClient http;
  private final WebhookSigner signer;
  private final Metrics metrics;
  private final String endpoint;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "integrations-webhooks");
            t.setDaemon(true);
            return t;
          });

  WebhookDispatcher(
      WebhookSettings settings, WebhookDeliveryStore store, OkHttpClient http, Metrics metrics) {
    this.settings = settings;
    this.store = store;
    this.endpoint = settings.endpoint().toString();
    this.http = http.newBuilder().callTimeout(settings.timeout()).followRedirects(false).build();
    this.signer = new WebhookSigner(settings.key());
    this.metrics = metrics;
  }

  /** Starts polling. */
  void start() {
    thread.scheduleWithFixedDelay(
        this::pollSafely, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollSafely() {
    try {
      while (poll() == BATCH && !Thread.currentThread().isInterrupted()) {
        // a full batch: more may be due
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Webhook deliveries could not be claimed or recorded; trying again in {}",
          settings.pollInterval(),
          e);
    }
  }

  /** Claims and attempts the due deliveries; how many it claimed. */
  int poll() {
    String holder = UUID.randomUUID().toString();
    List<WebhookDelivery> due = store.claimDue(endpoint, holder, settings.lease(), BATCH);
    for (WebhookDelivery delivery : due) {
      attempt(delivery, holder);
    }
    return due.size();
  }

  private void attempt(WebhookDelivery delivery, String holder) {
    long timestamp = System.currentTimeMillis() / 1000;
    Request request =
        new Request.Builder()
            .url(settings.endpoint().toString())
            .header("webhook-id", delivery.id())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signer.sign(delivery.id(), timestamp, delivery.payload()))
            .header("User-Agent", "integrations-webhooks")
            .post(RequestBody.create(delivery.payload().getBytes(StandardCharsets.UTF_8), JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      int status = response.code();
      String answer = "HTTP " + status + answerText(response.body());
      if (status >= 200 && status < 300) {
        if (!store.delivered(delivery.id(), holder, status, answer)) {
          LOG.warn(
              "Webhook delivery {} was answered after its lease ran out; it may be sent again",
              delivery.id());
        }
        metrics.webhookAttempt("delivered");
      } else if (status == 410) {
        LOG.warn(
            "The webhook endpoint answered 410 Gone: deliveries to it are disabled until one is replayed");
        store.disableEndpoint(delivery.id(), endpoint, status, answer);
        metrics.webhookAttempt("disabled");
      } else {
        failed(delivery, holder, status, answer, retryAfter(response.header("Retry-After")));
      }
    } catch (IOException e) {
      failed(delivery, holder, null, "no answer: " + e.getClass().getSimpleName(), Duration.ZERO);
    }
  }

  private void failed(
      WebhookDelivery delivery, String holder, Integer status, String answer, Duration notBefore) {
    int made = delivery.attempts() + 1;
    List<Duration> schedule = settings.retrySchedule();
    if (made > schedule.size()) {
      store.gaveUp(delivery.id(), holder, status, answer);
      metrics.webhookAttempt("failed");
      LOG.warn(
          "Webhook delivery {} ({}) given up after {} attempts: {}",
          delivery.id(),
          delivery.eventType(),
          made,
          answer);
      return;
    }
    Duration wait = withJitter(schedule.get(made - 1));
    if (wait.compareTo(notBefore) < 0) {
      wait = notBefore;
    }
    store.retryAfter(delivery.id(), holder, status, answer, wait);
    metrics.webhookAttempt("retry");
    LOG.info(
        "Webhook delivery {} ({}) failed ({}); next attempt in {}",
        delivery.id(),
        delivery.eventType(),
        answer,
        wait);
  }

  private static Duration withJitter(Duration wait) {
    long millis = wait.toMillis();
    return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 10 + 1));
  }

  /**
   * A {@code Retry-After} of seconds or an HTTP date, as a wait; zero when absent or unreadable.
   */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Duration.ZERO;
    }
    String value = header.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait =
            Duration.between(
                java.time.Instant.now(),
                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return Duration.ZERO;
      }
    }
  }

  private static String answerText(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    okio.BufferedSource source = body.source();
    source.request(ANSWER_CHARS);
    String text = source.readUtf8(Math.min(ANSWER_CHARS, source.getBuffer().size())).strip();
    return text.isEmpty() ? "" : ": " + text.replaceAll("\\s+", " ");
  }

  /** Stops polling and waits briefly for the attempt in flight. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
