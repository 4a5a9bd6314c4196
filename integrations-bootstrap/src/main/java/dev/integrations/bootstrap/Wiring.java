package dev.integrations.bootstrap;

import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.IdempotencyStore;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.WebhookDeliveryStore;
import dev.integrations.core.service.Integrations;
import dev.integrations.persistence.AesGcmTokenCipher;
import dev.integrations.persistence.EncryptionKeys;
import dev.integrations.persistence.JdbiStores;
import dev.integrations.providers.CatalogProviders;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.catalog.CatalogException;
import dev.integrations.providers.catalog.ProviderCatalog;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where concrete adapters are chosen from configuration and assembled into the
 * library; the HTTP server and the CLI both start from here.
 *
 * <p>It opens the database named by {@code INTEGRATIONS_DB_URL} (an H2 file under the data
 * directory by default) through the JDBI stores, seals tokens with AES-256-GCM under the configured
 * key (or one generated into the data directory), takes refresh leases in that database (so that
 * servers sharing it refresh each connection once, not once each), registers every provider of the
 * catalog on one shared HTTP client (an OAuth provider without its {@code <GROUP>_CLIENT_ID} and
 * secret is listed as not configured), logs connection events, and counts what happens in one
 * Micrometer registry ({@link #metrics()}). When {@code INTEGRATIONS_WEBHOOK_URL} is set,
 * connection changes record their events in the database's webhook outbox, and {@link
 * #startBackgroundWork()} (the server calls it) delivers them.
 *
 * <p>Thread-safe once built. Close it to release the database pool and the HTTP client.
 */
public final class Wiring implements AutoCloseable {
  /** The file in the data directory that holds a generated JWT secret. */
  public static final String JWT_SECRET_FILE = "jwt.secret";

  private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

  private final Settings settings;
  private final Integrations integrations;
  private final Secret jwtSecret;
  private final JdbiStores stores;
  private final OkHttpClient http;
  private final Metrics metrics;
  private final WebhookSettings webhooks;
  private WebhookDispatcher dispatcher;
  private final Operations operations;

  private Wiring(
      Settings settings,
      Integrations integrations,
      Secret jwtSecret,
      JdbiStores stores,
      OkHttpClient http,
      Metrics metrics,
      WebhookSettings webhooks,
      EncryptionKeys keys) {
    this.metrics = metrics;
    this.webhooks = webhooks;
    this.operations = new Operations(settings, stores, keys, integrations);
    this.settings = settings;
    this.integrations = integrations;
    this.jwtSecret = jwtSecret;
    this.stores = stores;
    this.http = http;
  }

  /**
   * Assembles everything that {@code settings} describe: migrates the database, loads or generates
   * the encryption key and the JWT secret.
   *
   * @throws InvalidConfigurationException when a key or secret is malformed, the provider catalog
   *     is invalid, or a provider's client id is set without its secret (or the other way round)
   * @throws dev.integrations.core.error.StorageException when the database cannot be reached or
   *     migrated
   */
  public static Wiring start(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    EncryptionKeys keys = encryptionKeys(settings);
    Secret jwtSecret = jwtSecret(settings);
    WebhookSettings webhooks = WebhookSettings.from(settings);
    OkHttpClient http = new OkHttpClient();
    CatalogProviders providers = providers(settings, http);
    JdbiStores stores =
        JdbiStores.open(
            settings.dbUrl(),
            settings.dbUser(),
            settings.dbPassword() == null ? "" : settings.dbPassword().reveal(),
            new AesGcmTokenCipher(keys),
            JdbiStores.DEFAULT_MAX_CONNECTIONS,
            webhooks.enabled() ? webhooks.endpoint().toString() : null);
    Metrics metrics = new Metrics();
    metrics.pool(stores.dataSource());
    metrics.webhookBacklog(stores.webhookDeliveries()::backlog);
    metrics.connectionsBy(stores::connectionsByStatus, "connected", "error");
    metrics.connectionsByHealth(stores::connectionsByHealth);
    Integrations integrations =
        Integrations.builder()
            .tokenStore(stores.tokenStore())
            .connectionStore(stores.connectionStore())
            .stateStore(stores.stateStore())
            .refreshLeases(stores.refreshLeases())
            .healthStore(stores.healthStore())
            .usageStore(stores.usageStore())
            .maintenanceInterval(settings.maintenanceInterval())
            .keepaliveIdle(settings.keepaliveIdle())
            .provider(providers.adapters().toArray(ProviderPort[]::new))
            .listener(new LoggingConnectionListener())
            .telemetry(metrics)
            .redirectUri(settings.redirectUri())
            .requestDeadline(settings.requestDeadline())
            .build();
    List<String> notConfigured =
        providers.adapters().stream()
            .map(ProviderPort::integration)
            .filter(i -> !i.configured())
            .map(i -> i.type().value())
            .toList();
    if (!notConfigured.isEmpty()) {
      LOG.info(
          "Listed but not configured (set <GROUP>_CLIENT_ID and <GROUP>_CLIENT_SECRET to connect them): {}",
          String.join(", ", notConfigured));
    }
    return new Wiring(settings, integrations, jwtSecret, stores, http, metrics, webhooks, keys);
  }

  /**
   * The HS256 secret of API callers' JWTs: {@code INTEGRATIONS_JWT_SECRET}, or the one generated
   * into {@code <data dir>/jwt.secret} on first use (with a warning). Needs no database, so a JWT
   * can be minted while a server holds the embedded database.
   */
  public static Secret jwtSecret(Settings settings) {
    return settings.jwtSecret() != null
        ? settings.jwtSecret()
        : GeneratedSecrets.readOrCreate(
            settings.dataDir().resolve(JWT_SECRET_FILE), "INTEGRATIONS_JWT_SECRET");
  }

  private static EncryptionKeys encryptionKeys(Settings settings) {
    String key = settings.encryptionKey() == null ? null : settings.encryptionKey().reveal();
    String old =
        settings.previousEncryptionKeys().stream()
            .map(Secret::reveal)
            .collect(Collectors.joining(","));
    try {
      return EncryptionKeys.load(key, old, settings.dataDir());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
  }

  /**
   * The integration types of the catalog (bundled, plus {@code INTEGRATIONS_PROVIDERS_FILE}), in
   * order, without opening a database or building an adapter: for command-line completion and help.
   *
   * @throws InvalidConfigurationException when the providers file is invalid
   */
  public static List<String> integrationTypes(Settings settings) {
    try {
      return ProviderCatalog.load(settings.providersFile()).providers().stream()
          .map(p -> p.key())
          .toList();
    } catch (CatalogException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
  }

  /**
   * The integration types of the catalog that declare {@code capability}, in order, without opening
   * a database or building an adapter: for the completion of the CLI's {@code --via}.
   *
   * @throws InvalidConfigurationException when the providers file is invalid
   */
  public static List<String> integrationTypes(Settings settings, Capability capability) {
    try {
      return ProviderCatalog.load(settings.providersFile()).providers().stream()
          .filter(p -> p.capabilities().contains(capability.wireName()))
          .map(p -> p.key())
          .toList();
    } catch (CatalogException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
  }

  /**
   * Every provider of the catalog (bundled, plus {@code INTEGRATIONS_PROVIDERS_FILE}), as adapters.
   */
  private static CatalogProviders providers(Settings settings, OkHttpClient http) {
    try {
      return CatalogProviders.build(
          ProviderCatalog.load(settings.providersFile()),
          new ProviderContext(settings::setting, http));
    } catch (CatalogException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
  }

  public Settings settings() {
    return settings;
  }

  /** The assembled use cases. */
  public Integrations integrations() {
    return integrations;
  }

  /** The operator's tasks on the configured database: keys, copies, archives, purges. */
  public Operations operations() {
    return operations;
  }

  /**
   * Calls made under idempotency keys (the MCP server's sending tools), in the database, so that
   * every server sharing it gives a repeated key the first answer.
   */
  public IdempotencyStore idempotencyStore() {
    return stores.idempotencyStore();
  }

  /** The HS256 secret API callers' JWTs are signed with (configured, or generated once). */
  public Secret jwtSecret() {
    return jwtSecret;
  }

  /**
   * Starts what a server runs in the background: the webhook dispatcher, when {@code
   * INTEGRATIONS_WEBHOOK_URL} is set. Called once by the server; {@link #close()} stops it.
   */
  public synchronized void startBackgroundWork() {
    if (webhooks.enabled() && dispatcher == null) {
      dispatcher = new WebhookDispatcher(webhooks, stores.webhookDeliveries(), http, metrics);
      dispatcher.start();
    }
  }

  /** The server's metrics (Prometheus text at {@code GET /metrics}). */
  public Metrics metrics() {
    return metrics;
  }

  /** The outbox of webhook deliveries, for operators ({@code integrations webhooks}). */
  public WebhookDeliveryStore webhookDeliveries() {
    return stores.webhookDeliveries();
  }

  /**
   * Starts the background maintenance of connections (refreshes before expiry, keep-alive checks,
   * usage pruning) every {@code INTEGRATIONS_MAINTENANCE_INTERVAL}: the server calls it, commands
   * do not. It stops on {@link #close()}, or earlier by closing what this returns.
   */
  public AutoCloseable startMaintenance() {
    integrations.maintenance().start();
    return integrations.maintenance();
  }

  /** Whether the database answers now (for {@code /ready}). Never throws. */
  public boolean databaseReady() {
    return stores.isHealthy();
  }

  /** Closes the database pool and releases the HTTP client's threads. */
  @Override
  public void close() {
    synchronized (this) {
      if (dispatcher != null) {
        dispatcher.close();
      }
    }
    integrations.close(); // the maintenance and the pending usage counts, before the pool they use
    stores.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    // Not the database URL: a PostgreSQL URL may carry a password.
    return "Wiring[dataDir=" + settings.dataDir() + "]";
  }
}
