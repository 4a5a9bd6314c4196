package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Deadline;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes OAuth credentials, once per connection at a time in this process (callers that arrive
 * while a refresh is in flight wait for it and share its result), and with a compare-and-set on the
 * stored version so that processes sharing a database never lose each other's update.
 *
 * <p>Thread-safe.
 */
public final class CredentialsRefresher {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialsRefresher.class);
  private static final int MAX_WRITE_ATTEMPTS = 3;

  private final TokenStore tokens;
  private final ConnectionRecorder recorder;
  private final EventPublisher events;
  private final Clock clock;
  private final Duration margin;
  private final ConcurrentMap<ConnectionKey, CompletableFuture<Credentials>> flights =
      new ConcurrentHashMap<>();

  /** Refreshes through {@code tokens}, recording outcomes, within {@code margin} of expiry. */
  public CredentialsRefresher(
      TokenStore tokens, ConnectionRecorder recorder, EventPublisher events, Clock clock, Duration margin) {
    this.tokens = tokens;
    this.recorder = recorder;
    this.events = events;
    this.clock = clock;
    this.margin = margin;
  }

  /** Whether credentials must be refreshed before use. */
  public boolean isExpiring(Credentials credentials) {
    return credentials.expiresWithin(margin, clock.instant());
  }

  /**
   * Credentials that do not expire within the margin: the stored ones if they are still good (another
   * caller or process may have refreshed them), otherwise freshly refreshed ones. When the provider is
   * unavailable but the stored access token has not expired yet, that token is handed out.
   */
  public Credentials refreshExpiring(ConnectionKey key, OAuthProviderPort provider) {
    return fly(key, provider, stored -> isExpiring(stored.credentials()), true);
  }

  /** Credentials other than {@code rejected}, which the provider just refused with a 401. */
  public Credentials refreshRejected(
      ConnectionKey key, OAuthProviderPort provider, Credentials rejected) {
    return fly(
        key,
        provider,
        stored -> stored.credentials().accessToken().equals(rejected.accessToken())
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
      Credentials result = refresh(key, provider, needsRefresh, tolerateOutageWhileValid);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      flights.remove(key, mine);
    }
  }

  private Credentials refresh(
      ConnectionKey key,
      OAuthProviderPort provider,
      Predicate<StoredCredentials> needsRefresh,
      boolean tolerateOutageWhileValid) {
    for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      StoredCredentials stored = read(key);
      if (!needsRefresh.test(stored)) {
        return stored.credentials();
      }
      TokenGrant grant;
      try {
        grant = provider.refresh(stored.credentials());
      } catch (InvalidGrantException e) {
        return afterInvalidGrant(key, stored, needsRefresh);
      } catch (ProviderException e) {
        Credentials current = stored.credentials();
        if (tolerateOutageWhileValid && !current.expiresWithin(Duration.ZERO, clock.instant())) {
          LOG.warn("Refresh of {} failed ({}); using the access token until it expires at {}",
              key, e.code(), current.expiresAt());
          return current;
        }
        throw e;
      }
      Credentials next = stored.credentials().refreshedWith(grant, clock.instant());
      if (tokens.compareAndSet(key.user(), key.type(), stored.version(), next)) {
        recorder.recordSuccess(key, null);
        events.publish(ConnectionEvent.Kind.REFRESHED, key, null);
        return next;
      }
      LOG.debug("Credentials of {} changed while refreshing; reading them again", key);
    }
    throw new StorageException(
        "The credentials of " + key + " kept changing while being refreshed; try again.");
  }

  private Credentials afterInvalidGrant(
      ConnectionKey key, StoredCredentials refused, Predicate<StoredCredentials> needsRefresh) {
    StoredCredentials now = tokens.find(key.user(), key.type()).orElse(null);
    if (now != null && now.version() != refused.version() && !needsRefresh.test(now)) {
      LOG.info("Refresh of {} was refused, but another writer had already refreshed it", key);
      return now.credentials();
    }
    String message = "The provider no longer accepts this connection. Connect it again.";
    recorder.recordFailure(
        key, ErrorCode.REAUTHORIZATION_REQUIRED, message, ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED);
    throw new ReauthorizationRequiredException(message);
  }

  private StoredCredentials read(ConnectionKey key) {
    return tokens
        .find(key.user(), key.type())
        .orElseThrow(NotConnectedException::new);
  }

  private static Credentials await(CompletableFuture<Credentials> flight, OAuthProviderPort provider) {
    try {
      // Bounded by the caller's request deadline: a waiter never waits longer than its own request may.
      return Deadline.current().await(flight, provider.integration().name());
    } catch (CompletionException e) {
      if (e.getCause() instanceof IntegrationException cause) {
        throw cause;
      }
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
