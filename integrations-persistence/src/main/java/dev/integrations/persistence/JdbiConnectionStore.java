package dev.integrations.persistence;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.ConnectionOverview;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UsageCount;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.HealthStore;
import dev.integrations.core.port.UsageStore;
import dev.integrations.persistence.internal.ConnectionRow;
import dev.integrations.persistence.internal.ConnectionsDao;
import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.WebhookOutbox;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link ConnectionStore} in the {@code connections} table. A write that carries an event appends
 * its webhook delivery to the outbox in the same transaction (when webhooks are configured).
 * Thread-safe.
 */
final class JdbiConnectionStore implements ConnectionStore {
  private static final ConnectionRow.Mapper ROWS = new ConnectionRow.Mapper();

  /**
   * The user's connections, their health and their calls since a given hour: {@link #overview}'s
   * one query (grouped by every selected column, which H2 needs and PostgreSQL accepts; on H2 it
   * measured faster than joining a grouped subquery). Parameters: first hour, user. Columns: the
   * connection's from 1, the health's from {@link #HEALTH_FIRST}, the calls and failures after them
   * (NULL when none).
   */
  private static final String OVERVIEW;

  static {
    String columns =
        qualified("c.", ConnectionsDao.COLUMNS) + ", " + qualified("h.", JdbiHealthStore.COLUMNS);
    OVERVIEW =
        "SELECT "
            + columns
            + ", SUM(u.calls), SUM(u.failures)"
            + " FROM connections c"
            + " LEFT JOIN connection_health h"
            + " ON h.user_id = c.user_id AND h.integration_type = c.integration_type"
            + " LEFT JOIN connection_usage u"
            + " ON u.user_id = c.user_id AND u.integration_type = c.integration_type"
            + " AND u.bucket_hour >= ?"
            + " WHERE c.user_id = ?"
            + " GROUP BY "
            + columns;
  }

  private static final int HEALTH_FIRST = ConnectionsDao.COLUMNS.split(",").length + 1;
  private static final int USAGE_FIRST = HEALTH_FIRST + JdbiHealthStore.COLUMNS.split(",").length;

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final ConnectionsDao dao;
  private final WebhookOutbox outbox;

  /** A store on {@code jdbi}; {@code dataSource} is the pool behind it, for the plain JDBC read. */
  JdbiConnectionStore(Jdbi jdbi, DataSource dataSource) {
    this(jdbi, dataSource, WebhookOutbox.to(null));
  }

  /**
   * Like {@link #JdbiConnectionStore(Jdbi, DataSource)}, appending events' deliveries to {@code
   * outbox}.
   */
  JdbiConnectionStore(Jdbi jdbi, DataSource dataSource, WebhookOutbox outbox) {
    this.outbox = outbox;
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.dao = jdbi.onDemand(ConnectionsDao.class);
  }

  @Override
  public Optional<Connection> find(UserId user, IntegrationType type) {
    return StorageErrors.call("read a connection", () -> dao.find(user.value(), type.value()))
        .map(JdbiConnectionStore::toConnection);
  }

  /**
   * One prepared statement on a pooled connection, in plain JDBC: the read of every {@code GET
   * /api/integrations}. Profiled under load, JDBI's handle, statement context and configuration
   * copies cost more than H2's query itself (docs/performance.md).
   */
  @Override
  public List<Connection> findAll(UserId user) {
    List<ConnectionRow> rows =
        StorageErrors.jdbc(
            "read connections",
            () -> {
              try (java.sql.Connection connection = dataSource.getConnection();
                  PreparedStatement query = connection.prepareStatement(ConnectionsDao.FIND_ALL)) {
                query.setString(1, user.value());
                try (ResultSet rs = query.executeQuery()) {
                  List<ConnectionRow> found = new ArrayList<>(4);
                  while (rs.next()) {
                    found.add(ROWS.map(rs, null));
                  }
                  return found;
                }
              }
            });
    List<Connection> connections = new ArrayList<>(rows.size());
    for (ConnectionRow row : rows) {
      connections.add(toConnection(row));
    }
    return connections;
  }

  /**
   * One query on a pooled connection when {@code health} and {@code usage} are the stores of this
   * database ({@link JdbiStores}); the three reads of the default otherwise.
   */
  @Override
  public List<ConnectionOverview> overview(
      UserId user, HealthStore health, UsageStore usage, Instant usageSince) {
    if (!(health instanceof JdbiHealthStore h && h.uses(jdbi))
        || !(usage instanceof JdbiUsageStore u && u.uses(jdbi))) {
      return ConnectionStore.super.overview(user, health, usage, usageSince);
    }
    return StorageErrors.jdbc(
        "read connections",
        () -> {
          try (java.sql.Connection connection = dataSource.getConnection();
              PreparedStatement query = connection.prepareStatement(OVERVIEW)) {
            query.setObject(1, usageSince.atOffset(ZoneOffset.UTC));
            query.setString(2, user.value());
            try (ResultSet rs = query.executeQuery()) {
              List<ConnectionOverview> found = new ArrayList<>(4);
              while (rs.next()) {
                found.add(
                    new ConnectionOverview(
                        toConnection(ConnectionRow.read(rs, 1)),
                        rs.getString(HEALTH_FIRST) == null
                            ? null
                            : JdbiHealthStore.read(rs, HEALTH_FIRST),
                        new UsageCount(rs.getLong(USAGE_FIRST), rs.getLong(USAGE_FIRST + 1))));
              }
              return found;
            }
          }
        });
  }

  private static String qualified(String table, String columns) {
    StringBuilder select = new StringBuilder();
    for (String column : columns.split(",")) {
      select.append(select.isEmpty() ? "" : ", ").append(table).append(column.strip());
    }
    return select.toString();
  }

  @Override
  public void save(Connection connection) {
    ConnectionRow row = toRow(connection);
    StorageErrors.upsert(
        "save a connection",
        () ->
            jdbi.inTransaction(
                handle -> {
                  ConnectionsDao tx = handle.attach(ConnectionsDao.class);
                  if (tx.update(row) == 0) {
                    tx.insert(row);
                  }
                  return row;
                }));
  }

  @Override
  public void save(Connection connection, ConnectionEvent event) {
    if (!outbox.enabled()) {
      save(connection);
      return;
    }
    ConnectionRow row = toRow(connection);
    StorageErrors.upsert(
        "save a connection",
        () ->
            jdbi.inTransaction(
                handle -> {
                  ConnectionsDao tx = handle.attach(ConnectionsDao.class);
                  boolean replaced = tx.update(row) == 1;
                  if (!replaced) {
                    tx.insert(row);
                  }
                  outbox.append(handle, event, replaced, row.status());
                  return row;
                }));
  }

  @Override
  public boolean update(Connection connection, ConnectionEvent event) {
    if (!outbox.enabled()) {
      return update(connection);
    }
    ConnectionRow row = toRow(connection);
    return StorageErrors.call(
        "update a connection",
        () ->
            jdbi.inTransaction(
                handle -> {
                  if (handle.attach(ConnectionsDao.class).updateSameConnection(row) != 1) {
                    return false;
                  }
                  outbox.append(handle, event, true, row.status());
                  return true;
                }));
  }

  @Override
  public boolean delete(UserId user, IntegrationType type, ConnectionEvent event) {
    if (!outbox.enabled()) {
      return delete(user, type);
    }
    return StorageErrors.call(
        "delete a connection",
        () ->
            jdbi.inTransaction(
                handle -> {
                  boolean deleted =
                      handle.attach(ConnectionsDao.class).delete(user.value(), type.value()) == 1;
                  outbox.append(handle, event, deleted, ConnectionStatus.DISCONNECTED.wireName());
                  return deleted;
                }));
  }

  @Override
  public boolean update(Connection connection) {
    ConnectionRow row = toRow(connection);
    return StorageErrors.call("update a connection", () -> dao.updateSameConnection(row) == 1);
  }

  @Override
  public boolean delete(UserId user, IntegrationType type) {
    return StorageErrors.call(
        "delete a connection", () -> dao.delete(user.value(), type.value()) == 1);
  }

  private static ConnectionRow toRow(Connection c) {
    Account account = c.account();
    return new ConnectionRow(
        c.user().value(),
        c.type().value(),
        c.status().wireName(),
        c.connectedAt(),
        c.lastSync(),
        c.lastError() == null ? null : c.lastError().wireName(),
        c.lastErrorMessage(),
        account == null ? null : account.id(),
        account == null ? null : account.displayName());
  }

  private static Connection toConnection(ConnectionRow row) {
    return new Connection(
        UserId.of(row.userId()),
        IntegrationType.of(row.integrationType()),
        status(row.status()),
        row.connectedAt(),
        row.lastSync(),
        row.lastError() == null ? null : errorCode(row.lastError()),
        row.lastErrorMessage(),
        row.accountId() == null ? null : new Account(row.accountId(), row.accountName()));
  }

  private static ConnectionStatus status(String wireName) {
    for (ConnectionStatus status : STATUSES) {
      if (status.wireName().equals(wireName)) {
        return status;
      }
    }
    throw new StorageException("A stored connection has an unknown status: " + wireName);
  }

  private static ErrorCode errorCode(String wireName) {
    return ErrorCode.ofWireName(wireName)
        .orElseThrow(
            () ->
                new StorageException("A stored connection has an unknown error code: " + wireName));
  }

  private static final ConnectionStatus[] STATUSES = ConnectionStatus.values();
}
