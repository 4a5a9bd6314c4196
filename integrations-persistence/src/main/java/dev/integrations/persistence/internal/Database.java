package dev.integrations.persistence.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.StorageException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Builds the pieces the stores run on: the connection pool, the schema, the configured {@link
 * Jdbi}.
 */
public final class Database {
  private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

  /**
   * How long a request waits for a free connection, or for a new one to an unreachable database.
   */
  private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  private static final long VALIDATION_TIMEOUT_MILLIS = 3_000;

  private Database() {}

  /**
   * A HikariCP pool of at most {@code maxConnections} connections to an H2 (made durable, see
   * {@link H2Urls}) or PostgreSQL database. The directory of an H2 file that does not exist yet is
   * created owner-only: it holds the database, and maybe generated keys.
   *
   * <p>The pool validates a connection that was idle for more than half a second before handing it
   * out and evicts one whose driver reported a fatal error, so a PostgreSQL restart or failover
   * costs the requests in flight, not every later one. It opens one connection at once (a database
   * that cannot be opened fails here, in words: {@link #h2FileInUse}) and more on demand. H2
   * connections are never retired by age: the embedded database closes with its last connection.
   *
   * @throws IllegalArgumentException for any other kind of URL, or a pool size below one
   * @throws StorageException when the database cannot be opened
   */
  public static HikariDataSource pool(
      String jdbcUrl, String user, String password, int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("The connection pool needs at least one connection.");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("integrations-db");
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
    if (user != null && !user.isEmpty()) {
      config.setUsername(user);
    }
    if (password != null && !password.isEmpty()) {
      config.setPassword(password);
    }
    if (H2Urls.isH2(jdbcUrl)) {
      H2Urls.directoryOf(jdbcUrl).ifPresent(PrivateDirectory::create);
      config.setJdbcUrl(H2Urls.durable(jdbcUrl));
      config.setDriverClassName(org.h2.Driver.class.getName());
      config.setMaxLifetime(
          0); // in-process sessions do not age; closing the last one closes the file
    } else if (jdbcUrl.regionMatches(true, 0, POSTGRESQL_PREFIX, 0, POSTGRESQL_PREFIX.length())) {
      config.setJdbcUrl(jdbcUrl);
      config.setDriverClassName(org.postgresql.Driver.class.getName());
    } else {
      // The URL itself is not repeated: it may carry a password.
      throw new IllegalArgumentException(
          "Unsupported database URL: expected jdbc:h2:... or jdbc:postgresql://...");
    }
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw cannotOpen(e, ErrorCode.STORAGE_UNAVAILABLE, "Could not connect to the database.");
    }
  }

  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  /**
   * Brings the schema of {@code dataSource}'s default schema up to date (db/migration). When the
   * history shows every migration already applied with its checksum ({@link CurrentSchema}), Flyway
   * is not even loaded: a command on an up-to-date database starts faster.
   */
  public static void migrate(DataSource dataSource) {
    if (CurrentSchema.isCurrent(dataSource)) {
      return;
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw cannotOpen(
          e, ErrorCode.STORAGE_FAILURE, "Could not bring the database schema up to date.");
    }
  }

  /**
   * {@code failure} as a {@link StorageException}: in words when another process holds the H2 file.
   */
  private static StorageException cannotOpen(
      RuntimeException failure, ErrorCode code, String otherwise) {
    if (h2FileInUse(failure)) {
      return new StorageException(
          "The H2 database file is open in another process (is 'integrations serve' running?): an H2"
              + " file serves one process at a time. Stop that process, or share one PostgreSQL"
              + " database between them (INTEGRATIONS_DB_URL).",
          failure);
    }
    return new StorageException(code, otherwise, failure);
  }

  /** Whether {@code failure} was caused by H2's "Database may be already in use" (error 90020). */
  private static boolean h2FileInUse(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        return true;
      }
    }
    return false;
  }

  /**
   * A {@link Jdbi} with SqlObject, {@link java.time.Instant} bound as {@code TIMESTAMP WITH TIME
   * ZONE}, and exception messages that leave out statements and their arguments.
   */
  public static Jdbi jdbi(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    TimeColumns.install(jdbi);
    return jdbi;
  }
}
