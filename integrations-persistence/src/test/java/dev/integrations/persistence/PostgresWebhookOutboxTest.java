package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.UserId;
import dev.integrations.core.model.WebhookDelivery;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The webhook outbox on a fresh PostgreSQL schema, and what only PostgreSQL can show. */
class PostgresWebhookOutboxTest extends WebhookOutboxContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }

  @Test
  void a_change_rolled_back_after_its_delivery_was_written_leaves_no_delivery() throws Exception {
    try (var jdbc = database.connect();
        Statement sql = jdbc.createStatement()) {
      // Fails the commit, after both the connection row and the outbox row were written.
      sql.execute(
          "CREATE FUNCTION refuse_doomed() RETURNS trigger AS $$ BEGIN"
              + " IF NEW.user_id = 'doomed' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NEW; END $$"
              + " LANGUAGE plpgsql");
      sql.execute(
          "CREATE CONSTRAINT TRIGGER refuse_doomed AFTER INSERT ON connections"
              + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_doomed()");
    }
    UserId doomed = UserId.of("doomed");

    assertThatThrownBy(
            () ->
                connections.save(
                    Connection.connected(doomed, TELEGRAM, now, null),
                    new ConnectionEvent(
                        ConnectionEvent.Kind.CONNECTED, doomed, TELEGRAM, null, now)))
        .isInstanceOf(StorageException.class);

    assertThat(connections.find(doomed, TELEGRAM)).isEmpty();
    assertThat(deliveries.recent(10)).isEmpty();
  }

  @Test
  void servers_claiming_at_once_never_hold_the_same_delivery() throws Exception {
    for (int i = 0; i < 40; i++) {
      UserId user = UserId.of("user-" + i);
      connections.save(
          Connection.connected(user, TELEGRAM, now, null),
          new ConnectionEvent(ConnectionEvent.Kind.CONNECTED, user, TELEGRAM, null, now));
    }
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> claimers = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        String holder = "server-" + c;
        claimers.add(
            pool.submit(
                () -> {
                  go.await();
                  List<String> mine = new ArrayList<>();
                  List<WebhookDelivery> batch;
                  do {
                    batch = deliveries.claimDue(ENDPOINT, holder, Duration.ofMinutes(1), 3);
                    batch.forEach(d -> mine.add(d.id()));
                  } while (!batch.isEmpty());
                  return mine;
                }));
      }
      go.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> claimer : claimers) {
        all.addAll(claimer.get());
      }
      assertThat(all).hasSize(40).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }
}
