package dev.integrations.providers.google;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.OAuthStateStore;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Minimal thread-safe stores, enough to run the core's use cases around the Google adapters. */
final class InMemoryStores {
  private record Key(UserId user, IntegrationType type) {}

  final Tokens tokens = new Tokens();
  final Connections connections = new Connections();
  final States states = new States();

  static final class Tokens implements TokenStore {
    private final Map<Key, StoredCredentials> rows = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredCredentials> find(UserId user, IntegrationType type) {
      return Optional.ofNullable(rows.get(new Key(user, type)));
    }

    @Override
    public synchronized StoredCredentials put(UserId user, IntegrationType type, Credentials credentials) {
      StoredCredentials old = rows.get(new Key(user, type));
      StoredCredentials stored = new StoredCredentials(credentials, old == null ? StoredCredentials.firstVersion() : old.version() + 1);
      rows.put(new Key(user, type), stored);
      return stored;
    }

    @Override
    public synchronized boolean compareAndSet(
        UserId user, IntegrationType type, long expectedVersion, Credentials next) {
      StoredCredentials current = rows.get(new Key(user, type));
      if (current == null || current.version() != expectedVersion) {
        return false;
      }
      rows.put(new Key(user, type), new StoredCredentials(next, expectedVersion + 1));
      return true;
    }

    @Override
    public boolean delete(UserId user, IntegrationType type) {
      return rows.remove(new Key(user, type)) != null;
    }
  }

  static final class Connections implements ConnectionStore {
    private final Map<Key, Connection> rows = new ConcurrentHashMap<>();

    @Override
    public Optional<Connection> find(UserId user, IntegrationType type) {
      return Optional.ofNullable(rows.get(new Key(user, type)));
    }

    @Override
    public List<Connection> findAll(UserId user) {
      return rows.values().stream().filter(c -> c.user().equals(user)).toList();
    }

    @Override
    public void save(Connection connection) {
      rows.put(new Key(connection.user(), connection.type()), connection);
    }

    @Override
    public boolean delete(UserId user, IntegrationType type) {
      return rows.remove(new Key(user, type)) != null;
    }
  }

  static final class States implements OAuthStateStore {
    private final Map<String, AuthorizationRequest> rows = new ConcurrentHashMap<>();

    @Override
    public void save(AuthorizationRequest request) {
      rows.put(request.state().reveal(), request);
    }

    @Override
    public Optional<AuthorizationRequest> consume(Secret state) {
      return Optional.ofNullable(rows.remove(state.reveal()));
    }

    @Override
    public int deleteExpired(Instant now) {
      int before = rows.size();
      rows.values().removeIf(r -> r.isExpiredAt(now));
      return before - rows.size();
    }
  }
}
