package dev.integrations.persistence.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * Keeps H2's {@link org.h2.jdbcx.JdbcConnectionPool} from handing out dead connections to a database
 * server. That pool recycles every connection its user closes, even one whose server went away (it
 * ignores connection errors), so after a PostgreSQL restart every pooled connection would fail
 * forever. Each connection this source gives replaces its physical connection before handing it out
 * again when the driver reported a fatal error on it, or when it was idle for {@value #IDLE_MILLIS}
 * ms and fails {@link Connection#isValid}.
 */
public final class ValidatingConnectionPoolDataSource implements ConnectionPoolDataSource {
  static final long IDLE_MILLIS = 500;
  private static final int VALIDATION_TIMEOUT_SECONDS = 5;

  private final ConnectionPoolDataSource delegate;

  /** Validates the connections of {@code delegate}. */
  public ValidatingConnectionPoolDataSource(ConnectionPoolDataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public PooledConnection getPooledConnection() throws SQLException {
    return new Revalidating(delegate);
  }

  @Override
  public PooledConnection getPooledConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("Set the login on the underlying data source.");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  /** One pooled connection whose physical connection is replaced when it is found dead. */
  private static final class Revalidating implements PooledConnection, ConnectionEventListener {
    private final ConnectionPoolDataSource source;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private PooledConnection physical;
    private volatile boolean broken;
    private volatile long returnedAt = System.nanoTime();

    Revalidating(ConnectionPoolDataSource source) throws SQLException {
      this.source = source;
      this.physical = open();
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
      if (!broken && physical != null) {
        Connection connection = physical.getConnection();
        long idleMillis = (System.nanoTime() - returnedAt) / 1_000_000;
        if (idleMillis < IDLE_MILLIS || connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
          return connection;
        }
      }
      closePhysical();
      physical = open();
      broken = false;
      return physical.getConnection();
    }

    @Override
    public synchronized void close() throws SQLException {
      closePhysical();
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
      if (event.getSource() == physical) {
        returnedAt = System.nanoTime();
        ConnectionEvent ours = new ConnectionEvent(this);
        listeners.forEach(l -> l.connectionClosed(ours));
      }
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      if (event.getSource() == physical) {
        broken = true;
        ConnectionEvent ours = new ConnectionEvent(this, event.getSQLException());
        listeners.forEach(l -> l.connectionErrorOccurred(ours));
      }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
      listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
      listeners.remove(listener);
    }

    @Override
    public void addStatementEventListener(StatementEventListener listener) {
      // not used by the pool; statements are not pooled
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
      // not used by the pool
    }

    private PooledConnection open() throws SQLException {
      PooledConnection opened = source.getPooledConnection();
      opened.addConnectionEventListener(this);
      return opened;
    }

    private void closePhysical() {
      PooledConnection old = physical;
      physical = null;
      if (old != null) {
        old.removeConnectionEventListener(this);
        try {
          old.close();
        } catch (SQLException ignored) {
          // it is being discarded because it is unusable
        }
      }
    }
  }
}
