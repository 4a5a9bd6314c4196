package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.HealthState;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.model.WebhookDelivery;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.WebhookDeliveryStore;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook outbox of the JDBI stores: a connection write that carries an event appends its
 * delivery in the same transaction, and the delivery store hands each due delivery to one claimer
 * at a time.
 */
abstract class WebhookOutboxContract {
  static final String ENDPOINT = "http://127.0.0.1:9/hooks";
  static final UserId ANN = UserId.of("ann \"quoted\"");
  static final IntegrationType TELEGRAM = IntegrationType.of("telegram");

  TestDatabase database;
  ConnectionStore connections;
  WebhookDeliveryStore deliveries;
  final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    database = newDatabase();
    connections = database.stores(ENDPOINT).connectionStore();
    deliveries = database.stores(ENDPOINT).webhookDeliveries();
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  ConnectionEvent event(ConnectionEvent.Kind kind, ErrorCode reason) {
    return new ConnectionEvent(kind, ANN, TELEGRAM, reason, now);
  }

  List<String> types() {
    List<String> newestFirst =
        new ArrayList<>(deliveries.recent(100).stream().map(WebhookDelivery::eventType).toList());
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Test
  void a_first_connect_is_created_and_a_second_one_reauthorized() {
    Connection connected = Connection.connected(ANN, TELEGRAM, now, null);
    connections.save(connected, event(ConnectionEvent.Kind.CONNECTED, null));
    connections.save(connected, event(ConnectionEvent.Kind.CONNECTED, null));

    assertThat(types()).containsExactly("connection.created", "connection.reauthorized");
    WebhookDelivery created = deliveries.recent(100).get(1);
    assertThat(created.status()).isEqualTo("pending");
    assertThat(created.endpoint()).isEqualTo(ENDPOINT);
    assertThat(created.id()).matches("msg_[a-z2-7]{26}");
    assertThat(created.payload())
        .isEqualTo(
            "{\"type\":\"connection.created\",\"timestamp\":\""
                + now
                + "\",\"data\":{\"event_id\":\""
                + created.id()
                + "\",\"user_id\":\"ann \\\"quoted\\\"\","
                + "\"integration_type\":\"telegram\",\"status\":\"connected\"}}");
  }

  @Test
  void a_status_write_appends_its_event_only_when_it_changed_the_connection() {
    Connection connected = Connection.connected(ANN, TELEGRAM, now, null);
    connections.save(connected);
    Connection older = Connection.connected(ANN, TELEGRAM, now.minusSeconds(60), null);

    boolean stale =
        connections.update(
            older.failed(ErrorCode.CREDENTIALS_REJECTED, "no"),
            event(ConnectionEvent.Kind.TEST_FAILED, ErrorCode.CREDENTIALS_REJECTED));
    boolean current =
        connections.update(
            connected.failed(ErrorCode.CREDENTIALS_REJECTED, "no"),
            event(ConnectionEvent.Kind.TEST_FAILED, ErrorCode.CREDENTIALS_REJECTED));

    assertThat(stale).isFalse();
    assertThat(current).isTrue();
    assertThat(types()).containsExactly("connection.test_failed");
    assertThat(deliveries.recent(1).get(0).payload())
        .contains("\"status\":\"error\"", "\"error_code\":\"credentials_rejected\"");
  }

  @Test
  void a_disconnect_appends_disconnected_and_a_refresh_appends_nothing() {
    Connection connected = Connection.connected(ANN, TELEGRAM, now, null);
    connections.save(connected);
    connections.update(connected.synced(now), event(ConnectionEvent.Kind.REFRESHED, null));
    connections.delete(ANN, TELEGRAM, event(ConnectionEvent.Kind.DISCONNECTED, null));

    assertThat(types()).containsExactly("connection.disconnected");
    assertThat(deliveries.recent(1).get(0).payload()).contains("\"status\":\"disconnected\"");
  }

  @Test
  void a_change_whose_delivery_cannot_be_written_is_not_made() throws Exception {
    connections.save(Connection.connected(ANN, TELEGRAM, now, null));
    try (var jdbc = database.connect();
        Statement sql = jdbc.createStatement()) {
      sql.execute(
          "ALTER TABLE webhook_deliveries ADD CONSTRAINT no_disconnects"
              + " CHECK (event_type <> 'connection.disconnected')");
    }

    assertThatThrownBy(
            () -> connections.delete(ANN, TELEGRAM, event(ConnectionEvent.Kind.DISCONNECTED, null)))
        .isInstanceOf(StorageException.class);

    assertThat(connections.find(ANN, TELEGRAM)).isPresent();
    assertThat(deliveries.recent(10)).isEmpty();
  }

  @Test
  void a_health_transition_is_announced_with_the_health_it_saves_or_not_at_all() throws Exception {
    HealthStore health = database.stores(ENDPOINT).healthStore();
    ConnectionHealth degraded =
        ConnectionHealth.healthy(ANN, TELEGRAM, now, now)
            .failedTransiently(
                ErrorCode.PROVIDER_UNAVAILABLE, "Telegram could not be reached.", now);
    health.save(
        degraded, event(ConnectionEvent.Kind.REFRESH_FAILED, ErrorCode.PROVIDER_UNAVAILABLE));
    assertThat(types()).containsExactly("connection.refresh_failed");
    try (var jdbc = database.connect();
        Statement sql = jdbc.createStatement()) {
      sql.execute(
          "ALTER TABLE webhook_deliveries ADD CONSTRAINT no_recoveries"
              + " CHECK (event_type <> 'connection.recovered')");
    }

    assertThatThrownBy(
            () -> health.save(degraded.succeeded(now), event(ConnectionEvent.Kind.RECOVERED, null)))
        .isInstanceOf(StorageException.class);

    assertThat(health.find(ANN, TELEGRAM).orElseThrow().state()).isEqualTo(HealthState.DEGRADED);
    assertThat(types()).containsExactly("connection.refresh_failed");
  }

  @Test
  void a_due_delivery_goes_to_one_claimer_until_its_holder_records_an_outcome() {
    connections.save(
        Connection.connected(ANN, TELEGRAM, now, null),
        event(ConnectionEvent.Kind.CONNECTED, null));

    List<WebhookDelivery> first = deliveries.claimDue(ENDPOINT, "a", Duration.ofMinutes(1), 10);
    List<WebhookDelivery> second = deliveries.claimDue(ENDPOINT, "b", Duration.ofMinutes(1), 10);

    assertThat(first).hasSize(1);
    assertThat(second).isEmpty();
    String id = first.get(0).id();
    assertThat(deliveries.delivered(id, "b", 200, "HTTP 200")).as("not b's to record").isFalse();
    assertThat(deliveries.retryAfter(id, "a", 500, "HTTP 500", Duration.ofMinutes(5))).isTrue();
    assertThat(deliveries.claimDue(ENDPOINT, "b", Duration.ofMinutes(1), 10))
        .as("not due yet")
        .isEmpty();
    assertThat(deliveries.backlog()).isEqualTo(1);

    WebhookDelivery replayed = deliveries.replay(id).orElseThrow();
    assertThat(replayed.attempts()).isZero();
    List<WebhookDelivery> again = deliveries.claimDue(ENDPOINT, "b", Duration.ofMinutes(1), 10);
    assertThat(again).extracting(WebhookDelivery::id).containsExactly(id);
    assertThat(deliveries.delivered(id, "b", 204, "HTTP 204")).isTrue();
    assertThat(deliveries.recent(1).get(0).status()).isEqualTo("delivered");
    assertThat(deliveries.backlog()).isZero();
  }

  @Test
  void a_lease_left_by_a_dead_holder_runs_out() throws Exception {
    connections.save(
        Connection.connected(ANN, TELEGRAM, now, null),
        event(ConnectionEvent.Kind.CONNECTED, null));
    assertThat(deliveries.claimDue(ENDPOINT, "dead", Duration.ofMillis(1), 10)).hasSize(1);
    Thread.sleep(20); // past the 1 ms lease, by the database's clock

    assertThat(deliveries.claimDue(ENDPOINT, "alive", Duration.ofMinutes(1), 10)).hasSize(1);
  }

  @Test
  void an_endpoint_that_answered_410_gets_nothing_more_until_a_replay() {
    Connection connected = Connection.connected(ANN, TELEGRAM, now, null);
    connections.save(connected, event(ConnectionEvent.Kind.CONNECTED, null));
    connections.save(connected, event(ConnectionEvent.Kind.CONNECTED, null));
    WebhookDelivery first = deliveries.claimDue(ENDPOINT, "a", Duration.ofMinutes(1), 1).get(0);

    deliveries.disableEndpoint(first.id(), ENDPOINT, 410, "HTTP 410");
    connections.delete(ANN, TELEGRAM, event(ConnectionEvent.Kind.DISCONNECTED, null));

    assertThat(deliveries.recent(10)).extracting(WebhookDelivery::status).containsOnly("disabled");
    assertThat(deliveries.claimDue(ENDPOINT, "a", Duration.ofMinutes(1), 10)).isEmpty();
    deliveries.replay(first.id());
    assertThat(deliveries.claimDue(ENDPOINT, "a", Duration.ofMinutes(1), 10))
        .extracting(WebhookDelivery::id)
        .containsExactly(first.id());
  }
}
