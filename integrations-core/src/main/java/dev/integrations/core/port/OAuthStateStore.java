package dev.integrations.core.port;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps pending authorization requests between the redirect to the provider and its callback.
 *
 * <p>Implementations are thread-safe and shared by every process of a deployment: a callback may
 * land on another server than the one that started the flow.
 */
public interface OAuthStateStore {

  /** Remembers a pending request under its state. */
  void save(AuthorizationRequest request);

  /**
   * Removes and returns the request with this state, atomically: among any number of concurrent
   * callers, in any number of processes, at most one receives it. Expiry is the caller's to check.
   */
  Optional<AuthorizationRequest> consume(Secret state);

  /**
   * Forgets the requests that expired before {@code now}.
   *
   * @return how many were removed
   */
  int deleteExpired(Instant now);

  /**
   * Forgets all but the {@code keep} newest pending requests of {@code user} for {@code type}
   * (newest: latest to expire), so that nobody can pile up pending requests without bound.
   *
   * @return how many were removed
   */
  int keepNewest(UserId user, IntegrationType type, int keep);
}
