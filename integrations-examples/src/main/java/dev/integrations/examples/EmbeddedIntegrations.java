package dev.integrations.examples;

import dev.integrations.core.model.Secret;
import dev.integrations.core.port.ConnectionListener;
import dev.integrations.core.port.TokenCipher;
import dev.integrations.core.service.Integrations;
import dev.integrations.persistence.AesGcmTokenCipher;
import dev.integrations.persistence.EncryptionKeys;
import dev.integrations.persistence.JdbiStores;
import dev.integrations.providers.google.GoogleProviders;
import dev.integrations.providers.telegram.TelegramProviders;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;

/**
 * The library as an application assembles it: the JDBI stores with AES-GCM encryption, Google and
 * Telegram on one shared HTTP client, and the application's listener. Build one per process.
 *
 * <p>Thread-safe. Close it when the application stops.
 */
public final class EmbeddedIntegrations implements AutoCloseable {
  private final Integrations integrations;
  private final JdbiStores stores;
  private final OkHttpClient http;

  private EmbeddedIntegrations(Integrations integrations, JdbiStores stores, OkHttpClient http) {
    this.integrations = integrations;
    this.stores = stores;
    this.http = http;
  }

  /** Opens the database (migrating it), loads the keys and assembles the library. */
  public static EmbeddedIntegrations start(AppConfig config, ConnectionListener listener) {
    // tag::build[]
    EncryptionKeys keys =
        EncryptionKeys.load(config.encryptionKey(), config.oldEncryptionKeys(), config.dataDir());
    JdbiStores stores =
        JdbiStores.open(
            config.dbUrl(), config.dbUser(), config.dbPassword(), new AesGcmTokenCipher(keys));

    OkHttpClient http = new OkHttpClient(); // your application's one shared client
    GoogleProviders google =
        GoogleProviders.builder()
            .clientId(config.googleClientId())
            .clientSecret(Secret.ofNullable(config.googleClientSecret()))
            .authorizationUri(config.googleAuthUri()) // these four only to point away from Google
            .tokenUri(config.googleTokenUri())
            .revocationUri(config.googleRevokeUri())
            .apiRootUrl(config.googleApiRootUrl())
            .httpClient(http)
            .build();
    TelegramProviders telegram =
        TelegramProviders.builder().apiUrl(config.telegramApiUrl()).httpClient(http).build();

    Integrations integrations =
        Integrations.builder()
            .tokenStore(stores.tokenStore())
            .connectionStore(stores.connectionStore())
            .stateStore(stores.stateStore())
            .refreshLeases(stores.refreshLeases()) // one refresh per connection across instances
            .provider(google.gmail(), google.drive(), telegram.provider())
            .listener(listener)
            .redirectUri(config.callbackUrl())
            .build();
    // end::build[]
    return new EmbeddedIntegrations(integrations, stores, http);
  }

  /** The stores on a data source the application already has (and closes itself). */
  public static JdbiStores storesOn(DataSource dataSource, AppConfig config) {
    // tag::data-source[]
    TokenCipher cipher =
        new AesGcmTokenCipher(
            EncryptionKeys.load(
                config.encryptionKey(), config.oldEncryptionKeys(), config.dataDir()));
    JdbiStores stores = JdbiStores.create(dataSource, cipher); // migrates the schema first
    // end::data-source[]
    return stores;
  }

  /** The assembled use cases. */
  public Integrations integrations() {
    return integrations;
  }

  /** Whether the database answers now; for a readiness probe. */
  public boolean isHealthy() {
    return stores.isHealthy();
  }

  /** Closes the database pool and releases the HTTP client's threads. */
  @Override
  public void close() {
    // tag::close[]
    stores.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    // end::close[]
  }
}
