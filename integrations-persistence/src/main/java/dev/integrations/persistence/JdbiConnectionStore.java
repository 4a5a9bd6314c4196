package dev.integrations.persistence;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.persistence.internal.ConnectionRow;
import dev.integrations.persistence.internal.ConnectionsDao;
import dev.integrations.persistence.internal.StorageErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** A {@link ConnectionStore} in the {@code connections} table. Thread-safe. */
final class JdbiConnectionStore implements ConnectionStore {
  private final Jdbi jdbi;
  private final ConnectionsDao dao;

  JdbiConnectionStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.dao = jdbi.onDemand(ConnectionsDao.class);
  }

  @Override
  public Optional<Connection> find(UserId user, IntegrationType type) {
    return StorageErrors.call("read a connection", () -> dao.find(user.value(), type.value()))
        .map(JdbiConnectionStore::toConnection);
  }

  @Override
  public List<Connection> findAll(UserId user) {
    return StorageErrors.call("read connections", () -> dao.findAll(user.value())).stream()
        .map(JdbiConnectionStore::toConnection)
        .toList();
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
  public boolean update(Connection connection) {
    ConnectionRow row = toRow(connection);
    return StorageErrors.call("update a connection", () -> dao.updateSameConnection(row) == 1);
  }

  @Override
  public boolean delete(UserId user, IntegrationType type) {
    return StorageErrors.call("delete a connection", () -> dao.delete(user.value(), type.value()) == 1);
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
    return Arrays.stream(ConnectionStatus.values())
        .filter(s -> s.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(() -> new StorageException("A stored connection has an unknown status: " + wireName));
  }

  private static ErrorCode errorCode(String wireName) {
    return Arrays.stream(ErrorCode.values())
        .filter(c -> c.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(() -> new StorageException("A stored connection has an unknown error code: " + wireName));
  }
}
