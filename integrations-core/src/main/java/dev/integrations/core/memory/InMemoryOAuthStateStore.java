package dev.integrations.core.memory;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.OAuthStateStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link OAuthStateStore} in this process's memory. Only for a single process: a callback that
 * lands on another process will not find its state. Thread-safe.
 */
public final class InMemoryOAuthStateStore implements OAuthStateStore {
  private final ConcurrentMap<String, AuthorizationRequest> pending = new ConcurrentHashMap<>();

  @Override
  public void save(AuthorizationRequest request) {
    pending.put(request.state().reveal(), request);
  }

  @Override
  public Optional<AuthorizationRequest> consume(Secret state) {
    return Optional.ofNullable(pending.remove(state.reveal()));
  }

  @Override
  public int deleteExpired(Instant now) {
    int removed = 0;
    for (AuthorizationRequest request : pending.values()) {
      if (request.isExpiredAt(now) && pending.remove(request.state().reveal(), request)) {
        removed++;
      }
    }
    return removed;
  }

  @Override
  public int keepNewest(UserId user, IntegrationType type, int keep) {
    List<AuthorizationRequest> mine =
        pending.values().stream()
            .filter(r -> r.user().equals(user) && r.type().equals(type))
            .sorted(Comparator.comparing(AuthorizationRequest::expiresAt).reversed())
            .toList();
    int removed = 0;
    for (AuthorizationRequest request : mine.subList(Math.min(keep, mine.size()), mine.size())) {
      if (pending.remove(request.state().reveal(), request)) {
        removed++;
      }
    }
    return removed;
  }
}
