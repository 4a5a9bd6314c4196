package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    assertThat(terminateBackendsOf(database.url())).isPositive();
    Thread.sleep(700);

    assertThat(stores.isHealthy()).isTrue();
    assertThat(stores.connectionStore().find(UserId.of("ann"), IntegrationType.GMAIL)).isEmpty();
  }

  /** Terminates the server processes serving this test's pool (and no one else's). */
  private static int terminateBackendsOf(String url) throws Exception {
    String applicationName = url.substring(url.indexOf("ApplicationName=") + "ApplicationName=".length());
    try (Connection admin = TestDatabase.postgresAdmin();
        PreparedStatement terminate = admin.prepareStatement(
            "SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE CASE WHEN application_name = ? THEN pg_terminate_backend(pid) ELSE false END")) {
      terminate.setString(1, applicationName);
      try (ResultSet rs = terminate.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
