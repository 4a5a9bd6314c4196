package dev.integrations.persistence;

import dev.integrations.core.model.UserId;
import dev.integrations.core.port.IdempotencyStore;
import dev.integrations.core.port.IdempotentCall;
import dev.integrations.persistence.internal.IdempotencyDao;
import dev.integrations.persistence.internal.StorageErrors;
import dev.integrations.persistence.internal.TimeColumns;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link IdempotencyStore} in the {@code idempotency_keys} table, shared by every process on the
 * database. A claim drops the key's record if it is past its retention, then inserts: the primary
 * key lets one claimer win. Retention is judged by the database's clock. Thread-safe.
 */
final class JdbiIdempotencyStore implements IdempotencyStore {
  private static final int CLAIM_ATTEMPTS = 3;

  private final IdempotencyDao dao;

  JdbiIdempotencyStore(Jdbi jdbi) {
    jdbi.registerRowMapper(
        IdempotentCall.class,
        (rs, ctx) ->
            new IdempotentCall(
                rs.getString("request_hash"),
                TimeColumns.read(rs, "claimed_at"),
                rs.getString("outcome")));
    this.dao = jdbi.onDemand(IdempotencyDao.class);
  }

  @Override
  public Optional<IdempotentCall> claim(
      UserId user, String key, String requestHash, Duration retention) {
    Objects.requireNonNull(requestHash, "requestHash");
    long retentionMillis = Math.max(1, retention.toMillis());
    return StorageErrors.call(
        "claim an idempotency key",
        () -> {
          for (int attempt = 1; ; attempt++) {
            dao.deleteExpired(user.value(), key, retentionMillis);
            if (StorageErrors.insertedUnlessDuplicate(
                () -> dao.insert(user.value(), key, requestHash))) {
              return Optional.empty();
            }
            Optional<IdempotentCall> found = dao.find(user.value(), key);
            if (found.isPresent() || attempt >= CLAIM_ATTEMPTS) {
              return found; // empty only when released again and again between our insert and our
              // read
            }
          }
        });
  }

  @Override
  public void complete(UserId user, String key, String outcome) {
    Objects.requireNonNull(outcome, "outcome");
    StorageErrors.call(
        "record an idempotent call's outcome", () -> dao.complete(user.value(), key, outcome));
  }

  @Override
  public void release(UserId user, String key) {
    StorageErrors.call("release an idempotency key", () -> dao.delete(user.value(), key));
  }
}
