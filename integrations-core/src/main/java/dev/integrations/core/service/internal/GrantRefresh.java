package dev.integrations.core.service.internal;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.error.NotConnectedException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.StoredCredentials;
import dev.integrations.core.port.Telemetry;
import dev.integrations.core.port.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One refresh of a grant at its provider, written with a compare-and-set and recorded on the
 * connection: healthy (or still {@code missing_scopes}), or {@code reauthorization_required} when
 * the provider refuses a grant that is still the stored one. Callers serialize it with a lease
 * ({@link LeasedRefresh}). Thread-safe.
 */
final class GrantRefresh {
  private static final Logger LOG = LoggerFactory.getLogger(GrantRefresh.class);

  private final TokenStore tokens;
  private final ConnectionRecorder recorder;
  private final EventPublisher events;
  private final Clock clock;
  private final Telemetry telemetry;
  private final HealthRecorder health;

  GrantRefresh(
      TokenStore tokens,
      ConnectionRecorder recorder,
      EventPublisher events,
      Clock clock,
      Telemetry telemetry,
      HealthRecorder health) {
    this.tokens = tokens;
    this.recorder = recorder;
    this.events = events;
    this.clock = clock;
    this.telemetry = telemetry;
    this.health = health;
  }

  /**
   * Reads the credentials and, when {@code needsRefresh} still says so, refreshes them at the
   * provider and writes them with a compare-and-set on the version read.
   *
   * @return the credentials to hand out, or null when another writer changed them first (try again)
   */
  Credentials refresh(
      ConnectionKey key,
      OAuthProviderPort provider,
      Predicate<StoredCredentials> needsRefresh,
      boolean tolerateOutageWhileValid) {
    StoredCredentials stored = read(key); // the previous holder may have written just now
    if (!needsRefresh.test(stored)) {
      return stored.credentials();
    }
    TokenGrant grant;
    try {
      grant = provider.refresh(stored.credentials());
    } catch (InvalidGrantException e) {
      telemetry.refresh(key.type(), Telemetry.RefreshOutcome.FAILED);
      return afterInvalidGrant(key, stored, needsRefresh);
    } catch (ReauthorizationRequiredException noRefreshToken) {
      // A grant without a refresh token (Slack's and GitHub's user tokens) whose access token the
      // provider
      // refused: only a new consent mends it, so the connection says so, as after an invalid_grant.
      recorder.recordFailure(
          key,
          ErrorCode.REAUTHORIZATION_REQUIRED,
          noRefreshToken.getMessage(),
          ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED);
      throw noRefreshToken;
    } catch (ProviderException e) {
      telemetry.refresh(key.type(), Telemetry.RefreshOutcome.FAILED);
      Credentials current = stored.credentials();
      if (tolerateOutageWhileValid && !current.expiresWithin(Duration.ZERO, clock.instant())) {
        LOG.warn(
            "Refresh of {} failed ({}); using the access token until it expires at {}",
            key,
            e.code(),
            current.expiresAt());
        return current;
      }
      if (health != null) {
        health.refreshFailed(key, e);
      }
      throw e;
    }
    Credentials next = stored.credentials().refreshedWith(grant, clock.instant());
    if (!tokens.compareAndSet(key.user(), key.type(), stored.version(), next)) {
      telemetry.refresh(key.type(), Telemetry.RefreshOutcome.LEASE_LOST);
      return null;
    }
    telemetry.refresh(key.type(), Telemetry.RefreshOutcome.OK);
    Set<String> missing = next.missingScopes(provider.integration().requiredScopes());
    recorder.recordRefresh(key, missing);
    events.publish(ConnectionEvent.Kind.REFRESHED, key, null);
    if (health != null) {
      if (missing.isEmpty()) {
        health.succeeded(key);
      } else {
        health.failed(key, ErrorCode.MISSING_SCOPES, MissingScopesException.describe(missing));
      }
    }
    return next;
  }

  /**
   * The provider refused the grant. Before judging, reads again: when the row was replaced
   * meanwhile (another writer refreshed, or the user reconnected; versions are never reused), the
   * refusal was about credentials that no longer matter; when it is gone, the user disconnected.
   */
  private Credentials afterInvalidGrant(
      ConnectionKey key, StoredCredentials refused, Predicate<StoredCredentials> needsRefresh) {
    StoredCredentials now = read(key);
    if (now.version() != refused.version()) {
      LOG.info(
          "Refresh of {} was refused, but another writer had already replaced the credentials",
          key);
      return needsRefresh.test(now) ? null : now.credentials();
    }
    String message = "The provider no longer accepts this connection. Connect it again.";
    recorder.recordFailure(
        key,
        ErrorCode.REAUTHORIZATION_REQUIRED,
        message,
        ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED);
    ReauthorizationRequiredException reauthorize = new ReauthorizationRequiredException(message);
    if (health != null) {
      health.refreshFailed(key, reauthorize);
    }
    throw reauthorize;
  }

  private StoredCredentials read(ConnectionKey key) {
    return tokens.find(key.user(), key.type()).orElseThrow(NotConnectedException::new);
  }
}
