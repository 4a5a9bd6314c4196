package dev.integrations.persistence.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.StorageException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * Translates database failures into {@link StorageException} at the adapters' boundary. Messages
 * name the operation and the SQLState, never a statement or its arguments (Jdbi is configured to
 * leave both out of its own messages too, see {@code JdbiStores}).
 */
public final class StorageErrors {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int UPSERT_ATTEMPTS = 3;

  private StorageErrors() {}

  /** Runs {@code work}, turning a {@link JdbiException} into a {@link StorageException}. */
  public static <T> T call(String operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      throw translate(operation, e);
    }
  }

  /** JDBC work that may throw {@link SQLException}. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs plain JDBC {@code work}, turning an {@link SQLException} into a {@link StorageException}.
   */
  public static <T> T jdbc(String operation, SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw translate(operation, e);
    }
  }

  /**
   * Runs an update-else-insert {@code upsert}, again when a concurrent writer inserted the same key
   * between our update and our insert (the retry then finds the row and updates it).
   */
  public static <T> T upsert(String operation, Supplier<T> upsert) {
    for (int attempt = 1; ; attempt++) {
      try {
        return upsert.get();
      } catch (JdbiException e) {
        if (attempt >= UPSERT_ATTEMPTS || !UNIQUE_VIOLATION.equals(sqlState(e))) {
          throw translate(operation, e);
        }
      }
    }
  }

  /**
   * Runs an {@code insert}: true when it inserted, false when the key was already there (a unique
   * violation). Any other failure is left to the caller's {@link #call}.
   */
  public static boolean insertedUnlessDuplicate(Runnable insert) {
    try {
      insert.run();
      return true;
    } catch (JdbiException e) {
      if (UNIQUE_VIOLATION.equals(sqlState(e))) {
        return false;
      }
      throw e;
    }
  }

  private static StorageException translate(String operation, Exception e) {
    String state = sqlState(e);
    String suffix = state == null ? "." : " (SQLState " + state + ").";
    if (isUnavailable(e, state)) {
      return new StorageException(
          ErrorCode.STORAGE_UNAVAILABLE,
          "Could not " + operation + ": the database is unavailable" + suffix,
          e);
    }
    return new StorageException("Could not " + operation + ": the database failed" + suffix, e);
  }

  /**
   * Whether the failure is the database's absence rather than a problem with the statement: no
   * connection could be had (SQLState class 08, a pool timeout), the server is shutting down or out
   * of connections (57P, 53).
   */
  private static boolean isUnavailable(Exception e, String state) {
    if (e instanceof ConnectionException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
    }
    return state != null
        && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
