package dev.integrations.core.port;

import dev.integrations.core.model.WebhookDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of webhook deliveries (rows appended by the {@link ConnectionStore} with the changes
 * that caused them), as a dispatcher and an operator use it. Times are the store's (the database's
 * clock), so servers sharing it need not agree on the time.
 *
 * <p>Claims are leases: a claimed delivery is invisible to other claimers until its lease runs out
 * or its holder records an outcome, so at most one attempt of a delivery is in flight across every
 * process sharing the store. No transaction is held between calls. Implementations are thread-safe.
 */
public interface WebhookDeliveryStore {

  /**
   * Claims up to {@code limit} pending deliveries to {@code endpoint} that are due, for {@code
   * holder}, for {@code lease}. Deliveries to an endpoint that was disabled are marked {@code
   * disabled} instead.
   */
  List<WebhookDelivery> claimDue(String endpoint, String holder, Duration lease, int limit);

  /** Records a 2xx answer; false when {@code holder} no longer holds the delivery. */
  boolean delivered(String id, String holder, int status, String answer);

  /**
   * Records a failed attempt and makes the delivery due again after {@code delay}; false when
   * {@code holder} no longer holds it.
   */
  boolean retryAfter(String id, String holder, Integer status, String answer, Duration delay);

  /**
   * Records a failed last attempt: the delivery is given up; false when {@code holder} no longer
   * holds it.
   */
  boolean gaveUp(String id, String holder, Integer status, String answer);

  /**
   * The endpoint answered 410 Gone: marks this delivery and every other pending one to it {@code
   * disabled}, and sends nothing more there until {@link #replay}.
   */
  void disableEndpoint(String id, String endpoint, int status, String answer);

  /** The most recent deliveries, newest first. */
  List<WebhookDelivery> recent(int limit);

  /**
   * Makes a delivery pending and due now, with a fresh schedule, and enables its endpoint again.
   *
   * @return the delivery as it now is; empty when there is no such delivery
   */
  Optional<WebhookDelivery> replay(String id);

  /** How many deliveries are pending. */
  long backlog();
}
