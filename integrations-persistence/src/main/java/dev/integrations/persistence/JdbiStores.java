package dev.integrations.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.IdempotencyStore;
import dev.integrations.core.port.OAuthStateStore;
import dev.integrations.core.port.RefreshLeases;
import dev.integrations.core.port.TokenCipher;
import dev.integrations.core.port.TokenStore;
import dev.integrations.core.port.UsageStore;
import dev.integrations.core.port.WebhookDeliveryStore;
import dev.integrations.persistence.internal.Database;
import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.WebhookOutbox;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The JDBI stores of one database (H2 or PostgreSQL), with its schema brought up to date.
 *
 * <pre>{@code
 * TokenCipher cipher = new AesGcmTokenCipher(EncryptionKeys.load(key, oldKeys, Path.of("data")));
 * try (JdbiStores stores = JdbiStores.open("jdbc:h2:file:./data/integrations", "", "", cipher)) {
 *   TokenStore tokens = stores.tokenStore();
 *   ...
 * }
 * }</pre>
 *
 * <p>H2 file URLs get {@code WRITE_DELAY=0} unless they set a write delay themselves, so that every
 * acknowledged write survives a crash of the process (H2 otherwise writes commits to the file up to
 * half a second later), and {@code LOCK_TIMEOUT=10000}. An H2 file can be open in only one process
 * at a time; {@code AUTO_SERVER=TRUE} is not added, because H2 then listens for other processes on
 * every network interface: share a database between processes with PostgreSQL.
 *
 * <p>Thread-safe: the stores are meant to be shared by every thread of the process.
 */
public final class JdbiStores implements AutoCloseable {
  /** Connections in the pool that {@link #open(String, String, String, TokenCipher)} builds. */
  public static final int DEFAULT_MAX_CONNECTIONS = 10;

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final TokenCipher cipher;
  private final HikariDataSource ownedPool;
  private final TokenStore tokenStore;
  private final ConnectionStore connectionStore;
  private final OAuthStateStore stateStore;
  private final RefreshLeases refreshLeases;
  private final WebhookDeliveryStore webhookDeliveries;
  private final HealthStore healthStore;
  private final UsageStore usageStore;
  private final IdempotencyStore idempotencyStore;

  private JdbiStores(
      DataSource dataSource,
      TokenCipher cipher,
      HikariDataSource ownedPool,
      String webhookEndpoint) {
    Objects.requireNonNull(cipher, "cipher");
    Database.migrate(dataSource);
    this.dataSource = dataSource;
    this.jdbi = Database.jdbi(dataSource);
    this.cipher = cipher;
    this.ownedPool = ownedPool;
    this.tokenStore = new JdbiTokenStore(jdbi, dataSource, cipher);
    WebhookOutbox outbox = WebhookOutbox.to(webhookEndpoint);
    this.connectionStore = new JdbiConnectionStore(jdbi, dataSource, outbox);
    this.webhookDeliveries = new JdbiWebhookDeliveryStore(jdbi);
    this.stateStore = new JdbiOAuthStateStore(jdbi, cipher);
    this.refreshLeases = new JdbiRefreshLeases(jdbi);
    this.healthStore = new JdbiHealthStore(jdbi, outbox);
    this.usageStore = new JdbiUsageStore(jdbi);
    this.idempotencyStore = new JdbiIdempotencyStore(jdbi);
  }

  /**
   * Stores on a data source the caller owns (and closes): the schema is migrated first. For H2, the
   * caller's URL should set {@code WRITE_DELAY=0} for durable writes.
   *
   * @throws dev.integrations.core.error.StorageException when the database cannot be reached or
   *     migrated
   */
  public static JdbiStores create(DataSource dataSource, TokenCipher cipher) {
    return new JdbiStores(Objects.requireNonNull(dataSource, "dataSource"), cipher, null, null);
  }

  /**
   * Stores on a pool of {@value #DEFAULT_MAX_CONNECTIONS} connections to {@code jdbcUrl} ({@code
   * jdbc:h2:...} or {@code jdbc:postgresql://...}), closed by {@link #close()}.
   *
   * @param user the database login, empty or null for none
   * @param password the password, empty or null for none
   * @throws IllegalArgumentException for a URL of another database
   * @throws dev.integrations.core.error.StorageException when the database cannot be reached or
   *     migrated
   */
  public static JdbiStores open(String jdbcUrl, String user, String password, TokenCipher cipher) {
    return open(jdbcUrl, user, password, cipher, DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * Like {@link #open(String, String, String, TokenCipher)}, with a pool of {@code maxConnections}.
   */
  public static JdbiStores open(
      String jdbcUrl, String user, String password, TokenCipher cipher, int maxConnections) {
    return open(jdbcUrl, user, password, cipher, maxConnections, null);
  }

  /**
   * Like {@link #open(String, String, String, TokenCipher, int)}; while {@code webhookEndpoint} is
   * not null, every connection change that causes an event appends a delivery of it to that
   * endpoint to the {@link #webhookDeliveries() outbox}, in the change's own transaction.
   */
  public static JdbiStores open(
      String jdbcUrl,
      String user,
      String password,
      TokenCipher cipher,
      int maxConnections,
      String webhookEndpoint) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    HikariDataSource pool = Database.pool(jdbcUrl, user, password, maxConnections);
    try {
      return new JdbiStores(pool, cipher, pool, webhookEndpoint);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** Credentials, sealed at rest. */
  public TokenStore tokenStore() {
    return tokenStore;
  }

  /** Connection status. */
  public ConnectionStore connectionStore() {
    return connectionStore;
  }

  /** Pending OAuth authorization requests. */
  public OAuthStateStore stateStore() {
    return stateStore;
  }

  /**
   * Leases that let one process at a time refresh a connection's credentials (pass them to {@code
   * Integrations.builder().refreshLeases(..)} whenever several processes share this database).
   */
  public RefreshLeases refreshLeases() {
    return refreshLeases;
  }

  /** The outbox of webhook deliveries (empty unless opened with a webhook endpoint). */
  public WebhookDeliveryStore webhookDeliveries() {
    return webhookDeliveries;
  }

  /** How many connections have each status ({@code connected}, {@code error}), for metrics. */
  public Map<String, Long> connectionsByStatus() {
    return StorageErrors.call(
        "count connections",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT status, COUNT(*) AS n FROM connections GROUP BY status")
                        .reduceRows(
                            new HashMap<String, Long>(),
                            (counts, row) -> {
                              counts.put(
                                  row.getColumn("status", String.class),
                                  row.getColumn("n", Long.class));
                              return counts;
                            })));
  }

  /**
   * How many connections are in each health state ({@code healthy}, {@code degraded}…), for
   * metrics.
   */
  public Map<String, Long> connectionsByHealth() {
    return StorageErrors.call(
        "count connections by health",
        () ->
            jdbi.withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT state, COUNT(*) AS n FROM connection_health GROUP BY state")
                        .reduceRows(
                            new HashMap<String, Long>(),
                            (counts, row) -> {
                              counts.put(
                                  row.getColumn("state", String.class),
                                  row.getColumn("n", Long.class));
                              return counts;
                            })));
  }

  /** The pool or data source behind the stores, for metrics of its use. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Connections' health and the maintenance's schedule of them, shared by every process on the
   * database.
   */
  public HealthStore healthStore() {
    return healthStore;
  }

  /** Calls through connections, counted per action and hour. */
  public UsageStore usageStore() {
    return usageStore;
  }

  /**
   * Which keys the stored secrets are sealed with, and their re-sealing under the current key.
   *
   * @throws IllegalStateException when the stores were not built with an {@link AesGcmTokenCipher}
   */
  public KeyRotation keyRotation() {
    return new KeyRotation(dataSource, aesCipher());
  }

  /** {@link #keyRotation()} with a seam between each read and write, for tests of races. */
  KeyRotation keyRotation(java.util.function.Consumer<java.util.Map<String, String>> beforeWrite) {
    return new KeyRotation(dataSource, aesCipher(), beforeWrite);
  }

  /**
   * Every row of every table of this database, read and written by {@link DataTransfer} (copies
   * between databases, archives).
   */
  public DataTransfer dataTransfer() {
    return new DataTransfer(dataSource, aesCipher());
  }

  /** Deletes everything stored for one user, in every table that has a {@code user_id} column. */
  public UserData userData() {
    return new UserData(dataSource);
  }

  private AesGcmTokenCipher aesCipher() {
    if (cipher instanceof AesGcmTokenCipher aes) {
      return aes;
    }
    throw new IllegalStateException(
        "These stores seal with "
            + cipher.getClass().getSimpleName()
            + "; key rotation and data transfer need the AesGcmTokenCipher.");
  }

  /** Calls made under idempotency keys, per user, so that a repeat does not act twice. */
  public IdempotencyStore idempotencyStore() {
    return idempotencyStore;
  }

  /** Whether the database answers a trivial query now (for a readiness probe). Never throws. */
  public boolean isHealthy() {
    try {
      return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one())
          == 1;
    } catch (RuntimeException e) {
      // a JdbiException, or the pool's IllegalStateException once closed
      return false;
    }
  }

  /** Closes the connection pool if {@link #open} built it; a caller's data source is left alone. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }
}
