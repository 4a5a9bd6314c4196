package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After the server drops every pooled connection (a restart, a failover), the stores recover. */
class PostgresReconnectTest {
  private TestDatabase database;

  @BeforeEach
  void open() {
    database = TestDatabase.postgres();
  }

  @AfterEach
  void close() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void recovers_when_the_server_terminated_the_pooled_connections() throws Exception {
    JdbiStores stores = database.stores();
    assertThat(stores.connectionStore().findAll(UserId.of("ann"))).isEmpty();
    long lastUse = System.nanoTime();
    Set<Integer> pooled = backendsOf(database.url());
    assertThat(pooled).isNotEmpty();

    terminate(pooled);
    awaitGone(pooled);
    awaitIdleValidation(lastUse);

    assertThat(stores.isHealthy()).isTrue();
    assertThat(stores.connectionStore().find(UserId.of("ann"), IntegrationType.GMAIL)).isEmpty();
    assertThat(backendsOf(database.url()))
        .as("the pool's new server processes")
        .isNotEmpty()
        .doesNotContainAnyElementsOf(pooled);
  }

  /**
   * The pool checks a connection with {@code isValid} only once it has been idle for 500 ms
   * (ValidatingConnectionPoolDataSource.IDLE_MILLIS); a call within that window meets the dead
   * connection once, and the pool replaces it after that error. This test is about the idle check,
   * so it lets that documented time pass since the pool's last use; nothing here waits for another
   * thread.
   */
  private static void awaitIdleValidation(long lastUse) throws InterruptedException {
    long idle = TimeUnit.MILLISECONDS.toNanos(500 + 100);
    long left = lastUse + idle - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  /** The process ids of the server processes serving this test's pool (and no one else's). */
  private static Set<Integer> backendsOf(String url) throws Exception {
    String applicationName =
        url.substring(url.indexOf("ApplicationName=") + "ApplicationName=".length());
    try (Connection admin = TestDatabase.postgresAdmin();
        PreparedStatement select =
            admin.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
      select.setString(1, applicationName);
      Set<Integer> pids = new HashSet<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          pids.add(rs.getInt(1));
        }
      }
      return pids;
    }
  }

  private static void terminate(Set<Integer> pids) throws Exception {
    try (Connection admin = TestDatabase.postgresAdmin();
        PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
      for (int pid : pids) {
        terminate.setInt(1, pid);
        try (ResultSet rs = terminate.executeQuery()) {
          rs.next();
          assertThat(rs.getBoolean(1)).as("terminated " + pid).isTrue();
        }
      }
    }
  }

  /**
   * Waits until the server has ended every one of {@code pids} (pg_terminate_backend only signals
   * them), so the stores meet closed connections rather than racing the shutdown; fails after 20 s.
   */
  private static void awaitGone(Set<Integer> pids) throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (Connection admin = TestDatabase.postgresAdmin();
        PreparedStatement alive =
            admin.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ANY (?)")) {
      alive.setArray(1, admin.createArrayOf("int4", pids.toArray()));
      while (true) {
        try (ResultSet rs = alive.executeQuery()) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
        if (System.nanoTime() > giveUp) {
          throw new AssertionError("the server did not end " + pids);
        }
        Thread.onSpinWait();
      }
    }
  }
}
