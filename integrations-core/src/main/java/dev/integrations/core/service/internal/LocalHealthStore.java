package dev.integrations.core.service.internal;

import dev.integrations.core.model.ConnectionHealth;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.HealthStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link HealthStore}: in this process's memory, for a library that is given none (and
 * for tests). Thread-safe: every call holds the store's lock.
 */
public final class LocalHealthStore implements HealthStore {
  private final Map<Key, Row> rows = new HashMap<>();

  private record Key(UserId user, IntegrationType type) {}

  private record Row(ConnectionHealth health, Instant nextCheck, Instant claimedUntil) {}

  @Override
  public synchronized Optional<ConnectionHealth> find(UserId user, IntegrationType type) {
    return Optional.ofNullable(rows.get(new Key(user, type))).map(LocalHealthStore::view);
  }

  @Override
  public synchronized List<ConnectionHealth> findAll(UserId user) {
    return rows.entrySet().stream()
        .filter(e -> e.getKey().user().equals(user))
        .map(e -> view(e.getValue()))
        .toList();
  }

  @Override
  public synchronized void save(ConnectionHealth health) {
    Key key = new Key(health.user(), health.type());
    Row old = rows.get(key);
    rows.put(
        key,
        old == null
            ? new Row(health, health.nextCheck() == null ? Instant.now() : health.nextCheck(), null)
            : new Row(health, old.nextCheck(), old.claimedUntil()));
  }

  @Override
  public synchronized List<ConnectionHealth> claimDue(
      Instant now, Instant claimedUntil, int limit) {
    List<Map.Entry<Key, Row>> due = new ArrayList<>();
    for (Map.Entry<Key, Row> e : rows.entrySet()) {
      Row row = e.getValue();
      if (!row.nextCheck().isAfter(now)
          && (row.claimedUntil() == null || !row.claimedUntil().isAfter(now))) {
        due.add(e);
      }
    }
    due.sort(Comparator.comparing(e -> e.getValue().nextCheck()));
    List<ConnectionHealth> claimed = new ArrayList<>();
    for (Map.Entry<Key, Row> e : due.subList(0, Math.min(limit, due.size()))) {
      Row row = e.getValue();
      rows.put(e.getKey(), new Row(row.health(), row.nextCheck(), claimedUntil));
      claimed.add(view(row));
    }
    return claimed;
  }

  @Override
  public synchronized void release(UserId user, IntegrationType type, Instant nextCheck) {
    rows.computeIfPresent(new Key(user, type), (k, row) -> new Row(row.health(), nextCheck, null));
  }

  @Override
  public synchronized boolean delete(UserId user, IntegrationType type) {
    return rows.remove(new Key(user, type)) != null;
  }

  private static ConnectionHealth view(Row row) {
    return row.health().withNextCheck(row.nextCheck());
  }
}
