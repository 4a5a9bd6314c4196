package dev.integrations.core.port;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps pending authorization requests between the redirect to the provider and its callback.
 *
 * <p>Implementations are thread-safe and shared by every process of a deployment: a callback may land
 * on another server than the one that started the flow.
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
}
