package dev.integrations.core.port;

import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * Short, exclusive leases on refreshing one connection's credentials, shared by every process that
 * shares the stores: the holder calls the provider, the others wait and read what it stored. A
 * lease ends when its holder releases it or when its time runs out (a holder that died), whichever
 * comes first.
 *
 * <p>A lease only keeps refreshes from overlapping; it is not what protects the stored credentials.
 * A holder that outlives its lease still writes through {@link TokenStore#compareAndSet}, so the
 * worst it can do is lose its write.
 *
 * <p>Implementations are thread-safe, shared between processes through their database, and hold no
 * database transaction or connection between calls.
 */
public interface RefreshLeases {

  /**
   * Takes the lease of the connection for {@code ttl}, unless someone holds one that has not run
   * out. Each successful call is a new holder: taking a held lease fails even in the process that
   * holds it.
   *
   * @return the lease taken, or empty when another holder has it
   */
  Optional<RefreshLease> tryAcquire(UserId user, IntegrationType type, Duration ttl);

  /**
   * Gives the lease back, if it is still held by {@code lease}'s holder; a lease that ran out and
   * was taken by someone else is left alone. Never fails because the lease is gone.
   */
  void release(RefreshLease lease);
}
