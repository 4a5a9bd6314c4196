package dev.integrations.persistence.internal;

import dev.integrations.core.error.StorageException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGConnectionPoolDataSource;

/** Builds the pieces the stores run on: the connection pool, the schema, the configured {@link Jdbi}. */
public final class Database {
  private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

  private Database() {}

  /**
   * A pool of at most {@code maxConnections} connections. The directory of an H2 file that does not exist
   * yet is created owner-only: it holds the database, and maybe generated keys.
   *
   * <p>A pool of at most {@code maxConnections} connections to an H2 (made durable, see {@link H2Urls}) or
   * PostgreSQL database.
   *
   * @throws IllegalArgumentException for any other kind of URL, or a pool size below one
   */
  public static JdbcConnectionPool pool(String jdbcUrl, String user, String password, int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("The connection pool needs at least one connection.");
    }
    JdbcConnectionPool pool;
    if (H2Urls.isH2(jdbcUrl)) {
      H2Urls.directoryOf(jdbcUrl).ifPresent(PrivateDirectory::create);
      pool = JdbcConnectionPool.create(H2Urls.durable(jdbcUrl), nullToEmpty(user), nullToEmpty(password));
    } else if (jdbcUrl.regionMatches(true, 0, POSTGRESQL_PREFIX, 0, POSTGRESQL_PREFIX.length())) {
      PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
      postgres.setURL(jdbcUrl);
      if (user != null && !user.isEmpty()) {
        postgres.setUser(user);
      }
      if (password != null && !password.isEmpty()) {
        postgres.setPassword(password);
      }
      pool = JdbcConnectionPool.create(new ValidatingConnectionPoolDataSource(postgres));
    } else {
      // The URL itself is not repeated: it may carry a password.
      throw new IllegalArgumentException(
          "Unsupported database URL: expected jdbc:h2:... or jdbc:postgresql://...");
    }
    pool.setMaxConnections(maxConnections);
    return pool;
  }

  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  /** Brings the schema of {@code dataSource}'s default schema up to date (db/migration). */
  public static void migrate(DataSource dataSource) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      if (h2FileInUse(e)) {
        throw new StorageException(
            "The H2 database file is open in another process (is 'integrations serve' running?): an H2"
                + " file serves one process at a time. Stop that process, or share one PostgreSQL"
                + " database between them (INTEGRATIONS_DB_URL).",
            e);
      }
      throw new StorageException("Could not bring the database schema up to date.", e);
    }
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
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    TimeColumns.install(jdbi);
    return jdbi;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
