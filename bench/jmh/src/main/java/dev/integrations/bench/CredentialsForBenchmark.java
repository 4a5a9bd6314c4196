package dev.integrations.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.IntegrationService;
import dev.integrations.core.service.Integrations;
import dev.integrations.persistence.AesGcmTokenCipher;
import dev.integrations.persistence.EncryptionKeys;
import dev.integrations.persistence.JdbiStores;
import dev.integrations.persistence.internal.Database;
import dev.integrations.providers.telegram.TelegramProviders;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P3: {@code credentialsFor} of stored, valid credentials, through the real stores on an H2 file (one
 * query, AES-256-GCM decryption of the token, the use case's checks): the read behind every provider call.
 * Run with one thread for the per-core figure ({@code bench/jmh.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class CredentialsForBenchmark {
  private static final IntegrationType TELEGRAM = IntegrationType.of("telegram");
  private static final UserId USER = UserId.of("bench-user");

  private Path directory;
  private JdbiStores stores;
  private IntegrationService connections;
  private AesGcmTokenCipher cipher;
  private String sealed;
  private HikariDataSource pool;

  @Setup(Level.Trial)
  public void open() throws IOException {
    directory = Files.createTempDirectory("integrations-jmh-");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    cipher = new AesGcmTokenCipher(EncryptionKeys.of(key, List.of()));
    sealed = cipher.seal(Secret.of("123456:bench-token-abcdefghijklmnop"), "credentials.access_token");
    pool = Database.pool("jdbc:h2:file:" + directory.resolve("integrations"), "", "", 10);
    stores = JdbiStores.create(pool, cipher);
    stores.tokenStore().put(USER, TELEGRAM, Credentials.ofToken(Secret.of("123456:bench-token-abcdefghijklmnop")));
    stores.connectionStore().save(Connection.connected(USER, TELEGRAM, Instant.now(), new Account("4242", "bench_bot")));
    Instant now = Instant.now();
    stores.healthStore().save(ConnectionHealth.healthy(USER, TELEGRAM, now, now).succeeded(now));
    stores.usageStore().add(USER, TELEGRAM, "send", now, new UsageCount(3, 1));
    Integrations integrations = Integrations.builder()
        .tokenStore(stores.tokenStore())
        .connectionStore(stores.connectionStore())
        .stateStore(stores.stateStore())
        .provider(TelegramProviders.builder().apiUrl("http://127.0.0.1:9").build().provider())
        .redirectUri(URI.create("http://127.0.0.1:8000/api/integrations/callback"))
        .build();
    connections = integrations.connections();
  }

  /** P3: the use case, one query through the token store and one decryption. */
  @Benchmark
  public Credentials credentialsFor() {
    return connections.credentialsFor(USER, TELEGRAM);
  }

  /** For comparison: the decryption alone (AES-256-GCM, a Cipher per call). */
  @Benchmark
  public Secret decryptOnly() {
    return cipher.open(sealed, "credentials.access_token");
  }

  /** For comparison: the connections read of GET /api/integrations (plain JDBC, one row), same pool. */
  @Benchmark
  public Object connectionsFindAll() {
    return stores.connectionStore().findAll(USER);
  }

  /**
   * The one query of GET /api/integrations: the user's connections joined with their health and their
   * usage of the last 24 hours.
   */
  @Benchmark
  public Object listOverview() {
    return stores.connectionStore()
        .overview(USER, stores.healthStore(), stores.usageStore(), Instant.now().minusSeconds(86_400));
  }

  /**
   * For comparison: what credentialsFor costs without JDBI's on-demand SqlObject proxy: the token
   * store's SELECT as one plain prepared statement, and the same decryption (the access token, bound to
   * its row as the store binds it).
   */
  @Benchmark
  public Secret plainJdbcFindAndDecrypt() throws SQLException {
    try (java.sql.Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement(
            "SELECT access_token, refresh_token, expires_at, scopes, version FROM credentials"
                + " WHERE user_id = ? AND integration_type = ?")) {
      query.setString(1, USER.value());
      query.setString(2, TELEGRAM.value());
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return cipher.open(rs.getString(1), "credentials.access_token\u0000" + USER.value() + "\u0000" + TELEGRAM.value());
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    stores.close();
    pool.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
