package dev.integrations.persistence.internal;

import dev.integrations.core.model.ConnectionEvent;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;

/**
 * Appends webhook deliveries to the {@code webhook_deliveries} outbox on the caller's handle, so
 * that the row commits or rolls back with the change that caused the event. Off (appends nothing)
 * when no endpoint is configured. Thread-safe.
 */
public final class WebhookOutbox {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String INSERT =
      "INSERT INTO webhook_deliveries (id, user_id, endpoint, event_type, payload, status, attempts,"
          + " next_attempt_at, created_at) VALUES (:id, :user, :endpoint, :type, :payload,"
          + " CASE WHEN EXISTS (SELECT 1 FROM webhook_disabled_endpoints WHERE endpoint = :endpoint)"
          + " THEN 'disabled' ELSE 'pending' END, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";

  private final String endpoint;

  private WebhookOutbox(String endpoint) {
    this.endpoint = endpoint;
  }

  /** An outbox for deliveries to {@code endpoint}; off when it is null or blank. */
  public static WebhookOutbox to(String endpoint) {
    return new WebhookOutbox(endpoint == null || endpoint.isBlank() ? null : endpoint);
  }

  /** Whether deliveries are recorded at all. */
  public boolean enabled() {
    return endpoint != null;
  }

  /**
   * Appends the delivery of {@code event} on {@code handle} (inside the caller's transaction),
   * unless the outbox is off or the event is not sent as a webhook.
   *
   * @param replacedConnection whether a connect replaced an existing connection (reauthorized, not
   *     created)
   * @param status the connection's status after the change, as sent
   */
  public void append(
      Handle handle, ConnectionEvent event, boolean replacedConnection, String status) {
    String type = eventType(event.kind(), replacedConnection);
    if (endpoint == null || type == null) {
      return;
    }
    String id = newId();
    handle
        .createUpdate(INSERT)
        .bind("id", id)
        .bind("user", event.user().value())
        .bind("endpoint", endpoint)
        .bind("type", type)
        .bind("payload", payload(id, type, event, status))
        .execute();
  }

  /** The webhook event type of {@code kind}; null for events not sent ({@code REFRESHED}). */
  static String eventType(ConnectionEvent.Kind kind, boolean replacedConnection) {
    return switch (kind) {
      case CONNECTED -> replacedConnection ? "connection.reauthorized" : "connection.created";
      case REAUTHORIZED -> "connection.reauthorized";
      case REFRESHED -> null;
      case REFRESH_FAILED -> "connection.refresh_failed";
      case REAUTHORIZATION_REQUIRED -> "connection.reauthorization_required";
      case RECOVERED -> "connection.recovered";
      case TEST_FAILED -> "connection.test_failed";
      case DISCONNECTED -> "connection.disconnected";
    };
  }

  /** The Standard Webhooks body: {@code {"type","timestamp","data":{...}}}; never a token. */
  static String payload(String id, String type, ConnectionEvent event, String status) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"type\":")
        .append(Json.quote(type))
        .append(",\"timestamp\":")
        .append(
            Json.quote(
                DateTimeFormatter.ISO_INSTANT.format(event.at().truncatedTo(ChronoUnit.MILLIS))))
        .append(",\"data\":{\"event_id\":")
        .append(Json.quote(id))
        .append(",\"user_id\":")
        .append(Json.quote(event.user().value()))
        .append(",\"integration_type\":")
        .append(Json.quote(event.type().value()))
        .append(",\"status\":")
        .append(Json.quote(status));
    if (event.reason() != null) {
      json.append(",\"error_code\":").append(Json.quote(event.reason().wireName()));
    }
    return json.append("}}").toString();
  }

  /** A message id: {@code msg_} and 26 random base-32 characters (130 bits). */
  private static String newId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder id = new StringBuilder("msg_");
    for (int i = 0; i < 26; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(32)));
    }
    return id.toString();
  }
}
