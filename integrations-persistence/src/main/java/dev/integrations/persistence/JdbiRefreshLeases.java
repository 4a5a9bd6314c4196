package dev.integrations.persistence;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.RefreshLease;
import dev.integrations.core.port.RefreshLeases;
import dev.integrations.persistence.internal.RefreshLeasesDao;
import dev.integrations.persistence.internal.StorageErrors;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RefreshLeases} in the {@code refresh_leases} table, shared by every process on the
 * database. Taking a lease is one statement that the database decides alone: an {@code INSERT} (the
 * primary key lets one taker win) or, when a row is there, an {@code UPDATE} that succeeds only if
 * the row has expired. Expiry is judged by the database's clock. No transaction is held between
 * calls. Thread-safe.
 */
final class JdbiRefreshLeases implements RefreshLeases {
  private final RefreshLeasesDao dao;

  JdbiRefreshLeases(Jdbi jdbi) {
    this.dao = jdbi.onDemand(RefreshLeasesDao.class);
  }

  @Override
  public Optional<RefreshLease> tryAcquire(UserId user, IntegrationType type, Duration ttl) {
    String holder = UUID.randomUUID().toString();
    long ttlMillis = Math.max(1, ttl.toMillis());
    boolean taken =
        StorageErrors.call(
            "take a refresh lease",
            () ->
                StorageErrors.insertedUnlessDuplicate(
                        () -> dao.insert(user.value(), type.value(), holder, ttlMillis))
                    || dao.takeOver(user.value(), type.value(), holder, ttlMillis) == 1);
    return taken ? Optional.of(new RefreshLease(user, type, holder)) : Optional.empty();
  }

  @Override
  public void release(RefreshLease lease) {
    StorageErrors.call(
        "release a refresh lease",
        () -> dao.release(lease.user().value(), lease.type().value(), lease.holder()));
  }
}
