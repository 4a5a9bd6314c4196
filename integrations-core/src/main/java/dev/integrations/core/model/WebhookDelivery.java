package dev.integrations.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One event's delivery to one webhook endpoint, as the outbox keeps it. The payload holds ids,
 * type, status and error code of the event, never a token.
 *
 * @param id the Standard Webhooks message id ({@code webhook-id}), the same on every attempt
 * @param endpoint where it goes
 * @param eventType for example {@code connection.created}
 * @param payload the JSON body that is signed and sent
 * @param status {@code pending}, {@code delivered}, {@code failed} (gave up) or {@code disabled}
 *     (410)
 * @param attempts attempts made so far
 * @param nextAttemptAt when a pending delivery is due
 * @param lastStatus the endpoint's last HTTP status, null before the first answer or after a
 *     network error
 * @param lastAnswer a short description of the last outcome, null before the first attempt
 * @param createdAt when the event was recorded
 */
public record WebhookDelivery(
    String id,
    String endpoint,
    String eventType,
    String payload,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatus,
    String lastAnswer,
    Instant createdAt) {
  /** Requires the id, endpoint, type, payload, status and times. */
  public WebhookDelivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
