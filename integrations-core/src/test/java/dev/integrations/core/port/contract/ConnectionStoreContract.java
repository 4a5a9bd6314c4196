package dev.integrations.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.ConnectionOverview;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.UsageStore;
import dev.integrations.core.service.internal.LocalHealthStore;
import dev.integrations.core.service.internal.LocalUsageStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStore} adapter must do. Extend it and supply a fresh, empty store.
 */
public abstract class ConnectionStoreContract {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BOB = UserId.of("bob");
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.250Z");

  protected ConnectionStore store;

  /** A store with nothing in it. */
  protected abstract ConnectionStore newStore();

  /**
   * The health store {@link ConnectionStore#overview} is asked to join: by default one in memory;
   * an adapter that joins its own database's stores in one query returns those.
   */
  protected HealthStore healthStore() {
    return localHealth;
  }

  /**
   * The usage store {@link ConnectionStore#overview} is asked to join, like {@link #healthStore}.
   */
  protected UsageStore usageStore() {
    return localUsage;
  }

  private final HealthStore localHealth = new LocalHealthStore();
  private final UsageStore localUsage = new LocalUsageStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void finds_nothing_in_an_empty_store() {
    assertThat(store.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThat(store.findAll(ANN)).isEmpty();
  }

  @Test
  void returns_a_healthy_connection_with_every_field() {
    Connection saved =
        Connection.connected(ANN, IntegrationType.TELEGRAM, T0, new Account("123456", "@ann_bot"));
    store.save(saved);

    assertThat(store.find(ANN, IntegrationType.TELEGRAM)).contains(saved);
  }

  @Test
  void returns_a_failed_connection_with_its_reason() {
    Connection failed =
        Connection.connected(ANN, IntegrationType.GMAIL, T0, null)
            .failed(
                ErrorCode.REAUTHORIZATION_REQUIRED, "Google no longer accepts this connection.");
    store.save(failed);

    Connection read = store.find(ANN, IntegrationType.GMAIL).orElseThrow();
    assertThat(read).isEqualTo(failed);
    assertThat(read.status()).isEqualTo(ConnectionStatus.ERROR);
    assertThat(read.lastError()).isEqualTo(ErrorCode.REAUTHORIZATION_REQUIRED);
    assertThat(read.needsReauthorization()).isTrue();
  }

  @Test
  void save_replaces_the_previous_state() {
    Connection first = Connection.connected(ANN, IntegrationType.GMAIL, T0, null);
    store.save(first);
    Connection synced = first.synced(T0.plusSeconds(90));
    store.save(synced);

    assertThat(store.find(ANN, IntegrationType.GMAIL)).contains(synced);
    assertThat(store.findAll(ANN)).containsExactly(synced);
  }

  @Test
  void lists_only_the_users_own_connections() {
    Connection annGmail = Connection.connected(ANN, IntegrationType.GMAIL, T0, null);
    Connection annDrive = Connection.connected(ANN, IntegrationType.GOOGLE_DRIVE, T0, null);
    store.save(annGmail);
    store.save(annDrive);
    store.save(Connection.connected(BOB, IntegrationType.GMAIL, T0, null));

    assertThat(store.findAll(ANN)).containsExactlyInAnyOrder(annGmail, annDrive);
  }

  @Test
  void delete_removes_only_that_connection() {
    store.save(Connection.connected(ANN, IntegrationType.GMAIL, T0, null));
    store.save(Connection.connected(BOB, IntegrationType.GMAIL, T0, null));

    assertThat(store.delete(ANN, IntegrationType.GMAIL)).isTrue();
    assertThat(store.delete(ANN, IntegrationType.GMAIL)).isFalse();
    assertThat(store.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThat(store.find(BOB, IntegrationType.GMAIL)).isPresent();
  }

  @Test
  void update_replaces_the_same_connection() {
    Connection first = Connection.connected(ANN, IntegrationType.GMAIL, T0, null);
    store.save(first);
    Connection failed = first.failed(ErrorCode.CREDENTIALS_REJECTED, "Refused.");

    assertThat(store.update(failed)).isTrue();
    assertThat(store.find(ANN, IntegrationType.GMAIL)).contains(failed);
  }

  @Test
  void update_never_brings_a_deleted_connection_back() {
    Connection first = Connection.connected(ANN, IntegrationType.GMAIL, T0, null);
    store.save(first);
    store.delete(ANN, IntegrationType.GMAIL);

    assertThat(store.update(first.synced(T0.plusSeconds(5)))).isFalse();
    assertThat(store.find(ANN, IntegrationType.GMAIL)).isEmpty();
    assertThat(store.findAll(ANN)).isEmpty();
  }

  @Test
  void update_never_creates_a_connection() {
    Connection never = Connection.connected(ANN, IntegrationType.GMAIL, T0, null);

    assertThat(store.update(never)).isFalse();
    assertThat(store.find(ANN, IntegrationType.GMAIL)).isEmpty();
  }

  @Test
  void update_of_an_older_connection_leaves_a_newer_connect_alone() {
    Connection old = Connection.connected(ANN, IntegrationType.GMAIL, T0, null);
    store.save(old);
    Connection reconnected =
        Connection.connected(ANN, IntegrationType.GMAIL, T0.plusSeconds(60), null);
    store.save(reconnected);

    assertThat(store.update(old.failed(ErrorCode.REAUTHORIZATION_REQUIRED, "Stale."))).isFalse();
    assertThat(store.find(ANN, IntegrationType.GMAIL)).contains(reconnected);
  }

  @Test
  void update_touches_only_that_users_connection() {
    Connection ann = Connection.connected(ANN, IntegrationType.GMAIL, T0, null);
    Connection bob = Connection.connected(BOB, IntegrationType.GMAIL, T0, null);
    store.save(ann);
    store.save(bob);

    assertThat(store.update(ann.failed(ErrorCode.CREDENTIALS_REJECTED, "Refused."))).isTrue();
    assertThat(store.find(BOB, IntegrationType.GMAIL)).contains(bob);
  }

  @Test
  void overview_of_a_user_without_connections_is_empty() {
    usageStore().add(ANN, IntegrationType.GMAIL, "send", T0, new UsageCount(2, 0));

    assertThat(store.overview(ANN, healthStore(), usageStore(), T0.minusSeconds(3600))).isEmpty();
  }

  @Test
  void overview_gives_each_connection_its_health_and_its_calls_since_the_hour_asked() {
    Instant hour = T0.truncatedTo(ChronoUnit.HOURS);
    Connection gmail =
        Connection.connected(ANN, IntegrationType.GMAIL, T0, new Account("a-1", "ann@example.com"));
    Connection drive = Connection.connected(ANN, IntegrationType.GOOGLE_DRIVE, T0, null);
    store.save(gmail);
    store.save(drive);
    store.save(Connection.connected(BOB, IntegrationType.GMAIL, T0, null));
    ConnectionHealth refused =
        ConnectionHealth.healthy(ANN, IntegrationType.GMAIL, T0, T0)
            .refused(ErrorCode.REAUTHORIZATION_REQUIRED, "Revoked.", T0.plusSeconds(30));
    healthStore().save(refused);
    healthStore().save(ConnectionHealth.healthy(BOB, IntegrationType.GMAIL, T0, T0));
    UsageStore usage = usageStore();
    usage.add(ANN, IntegrationType.GMAIL, "send", hour, new UsageCount(3, 1));
    usage.add(ANN, IntegrationType.GMAIL, "search", hour.plusSeconds(3600), new UsageCount(4, 0));
    usage.add(ANN, IntegrationType.GMAIL, "send", hour.minusSeconds(3600), new UsageCount(50, 9));
    usage.add(ANN, IntegrationType.TELEGRAM, "send", hour, new UsageCount(6, 0));
    usage.add(BOB, IntegrationType.GMAIL, "send", hour, new UsageCount(7, 7));

    List<ConnectionOverview> overview = store.overview(ANN, healthStore(), usage, hour);

    assertThat(overview)
        .containsExactlyInAnyOrder(
            new ConnectionOverview(gmail, refused, new UsageCount(7, 1)),
            new ConnectionOverview(drive, null, UsageCount.NONE));
  }
}
