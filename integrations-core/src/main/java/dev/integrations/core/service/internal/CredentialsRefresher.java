package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.StoredCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Refreshes OAuth credentials, once per connection at a time in this process: callers that arrive
 * while a refresh is in flight wait for it, for a bounded time, and share its result. Between
 * processes, the flight's leader takes a lease and writes with a compare-and-set (see {@link
 * LeasedRefresh}).
 *
 * <p>Thread-safe.
 */
public final class CredentialsRefresher {
  private final LeasedRefresh refresh;
  private final Clock clock;
  private final Duration margin;
  private final Duration waitLimit;
  private final ConcurrentMap<ConnectionKey, CompletableFuture<Credentials>> flights =
      new ConcurrentHashMap<>();

  /**
   * Refreshes through {@code refresh} within {@code margin} of expiry. Callers wait at most {@code
   * waitLimit} for a refresh that another thread of this process leads.
   */
  public CredentialsRefresher(
      LeasedRefresh refresh, Clock clock, Duration margin, Duration waitLimit) {
    this.refresh = refresh;
    this.clock = clock;
    this.margin = margin;
    this.waitLimit = waitLimit;
  }

  /** Whether credentials must be refreshed before use. */
  public boolean isExpiring(Credentials credentials) {
    return credentials.expiresWithin(margin, clock.instant());
  }

  /**
   * Credentials that do not expire within the margin: the stored ones if they are still good
   * (another caller or process may have refreshed them), otherwise freshly refreshed ones. When the
   * provider is unavailable but the stored access token has not expired yet, that token is handed
   * out.
   */
  public Credentials refreshExpiring(ConnectionKey key, OAuthProviderPort provider) {
    return fly(key, provider, stored -> isExpiring(stored.credentials()), true);
  }

  /**
   * Credentials that do not expire within {@code horizon}: refreshed now when the stored ones do,
   * for the background maintenance. A provider that fails is reported, even while the stored token
   * still works.
   */
  public Credentials refreshExpiringWithin(
      ConnectionKey key, OAuthProviderPort provider, Duration horizon) {
    return fly(
        key,
        provider,
        stored -> stored.credentials().expiresWithin(horizon, clock.instant()),
        false);
  }

  /** Credentials other than {@code rejected}, which the provider just refused with a 401. */
  public Credentials refreshRejected(
      ConnectionKey key, OAuthProviderPort provider, Credentials rejected) {
    return fly(
        key,
        provider,
        stored ->
            stored.credentials().accessToken().equals(rejected.accessToken())
                || isExpiring(stored.credentials()),
        false);
  }

  private Credentials fly(
      ConnectionKey key,
      OAuthProviderPort provider,
      Predicate<StoredCredentials> needsRefresh,
      boolean tolerateOutageWhileValid) {
    CompletableFuture<Credentials> mine = new CompletableFuture<>();
    CompletableFuture<Credentials> inFlight = flights.putIfAbsent(key, mine);
    if (inFlight != null) {
      return await(inFlight, provider);
    }
    try {
      Credentials result = refresh.run(key, provider, needsRefresh, tolerateOutageWhileValid);
      mine.complete(result);
      return result;
    } catch (Throwable failure) {
      // Errors too: a flight left incomplete would keep its waiters until their time runs out.
      mine.completeExceptionally(failure);
      throw failure;
    } finally {
      flights.remove(key, mine);
    }
  }

  private Credentials await(CompletableFuture<Credentials> flight, OAuthProviderPort provider) {
    // Bounded twice: by the wait limit, and by the caller's request deadline when that comes first.
    Deadline wait = Deadline.after(waitLimit).sooner(Deadline.current());
    try {
      return wait.await(flight, provider.integration().name());
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IntegrationException(
          ErrorCode.INTERNAL_ERROR,
          "Refreshing the credentials failed unexpectedly; try again.",
          e.getCause());
    }
  }
}
