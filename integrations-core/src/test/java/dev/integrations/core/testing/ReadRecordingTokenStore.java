package dev.integrations.core.testing;

import dev.integrations.core.memory.InMemoryTokenStore;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link InMemoryTokenStore} that remembers which threads have read from it, so that a test can
 * hold a refresh until every caller has read the credentials it is about to refresh. Thread-safe.
 */
public final class ReadRecordingTokenStore implements TokenStore {
  private final TokenStore store = new InMemoryTokenStore();
  private final Set<Thread> readers = ConcurrentHashMap.newKeySet();

  /**
   * Waits until {@code count} distinct threads have read (an AssertionError after {@code timeout}).
   */
  public synchronized void awaitReaders(int count, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    try {
      while (readers.size() < count) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              readers.size() + " of " + count + " callers read the credentials in time");
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public Optional<StoredCredentials> find(UserId user, IntegrationType type) {
    Optional<StoredCredentials> found = store.find(user, type);
    if (readers.add(Thread.currentThread())) {
      synchronized (this) {
        notifyAll();
      }
    }
    return found;
  }

  @Override
  public StoredCredentials put(UserId user, IntegrationType type, Credentials credentials) {
    return store.put(user, type, credentials);
  }

  @Override
  public boolean compareAndSet(
      UserId user, IntegrationType type, long expectedVersion, Credentials next) {
    return store.compareAndSet(user, type, expectedVersion, next);
  }

  @Override
  public boolean delete(UserId user, IntegrationType type) {
    return store.delete(user, type);
  }
}
