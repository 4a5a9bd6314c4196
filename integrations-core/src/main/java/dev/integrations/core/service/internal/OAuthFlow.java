package dev.integrations.core.service.internal;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.error.NotConfiguredException;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Completion;
import dev.integrations.core.model.Connection;
import dev.integrations.core.model.ConnectionEvent;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.ConnectionStore;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.OAuthStateStore;
import dev.integrations.core.port.TokenStore;
import dev.integrations.core.service.AuthorizationCallback;
import dev.integrations.core.service.AuthorizationOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The halves of an OAuth connect: start (state, binding and consent URL), receive the callback
 * (complete it when it proves the person, park it for the user's own completion otherwise), and
 * confirm a parked one with the user's identity.
 *
 * <p>Every pending request is consumed by the first callback that names it, whatever the outcome: a
 * consent that came back to the wrong person burns its PKCE verifier, so the code it carried can
 * never be redeemed afterwards, by anyone.
 */
public final class OAuthFlow {
  private final ProviderRegistry providers;
  private final OAuthStateStore states;
  private final TokenStore tokens;
  private final ConnectionStore connections;
  private final EventPublisher events;
  private final Clock clock;
  private final Duration ttl;
  private final URI defaultRedirectUri;
  private final RandomTokens random = new RandomTokens();

  /** The authorization-code flow on these stores, with {@code ttl} per pending request. */
  public OAuthFlow(
      ProviderRegistry providers,
      OAuthStateStore states,
      TokenStore tokens,
      ConnectionStore connections,
      EventPublisher events,
      Clock clock,
      Duration ttl,
      URI defaultRedirectUri) {
    this.providers = providers;
    this.states = states;
    this.tokens = tokens;
    this.connections = connections;
    this.events = events;
    this.clock = clock;
    this.ttl = ttl;
    this.defaultRedirectUri = defaultRedirectUri;
  }

  /**
   * How many authorizations one user may have pending for one integration; starting another forgets
   * the oldest, so pending rows cannot be piled up without bound.
   */
  public static final int MAX_PENDING_PER_INTEGRATION = 5;

  /** Stores a new single-use authorization request and returns it with its consent URL. */
  public Started start(
      UserId user, OAuthProviderPort provider, URI redirectUri, Completion completion) {
    URI redirect = redirectUri != null ? redirectUri : defaultRedirectUri;
    if (redirect == null) {
      throw new NotConfiguredException("No OAuth redirect URI is configured.");
    }
    Instant now = clock.instant();
    states.deleteExpired(now);
    Secret binding = completion == Completion.BROWSER ? random.next() : null;
    AuthorizationRequest request =
        new AuthorizationRequest(
            random.next(),
            user,
            provider.integration().type(),
            random.next(),
            redirect,
            now.plus(ttl),
            completion,
            binding == null ? null : AuthorizationRequest.bindingHashOf(binding),
            null);
    URI url = provider.authorizationUrl(request);
    states.save(request);
    states.keepNewest(user, request.type(), MAX_PENDING_PER_INTEGRATION);
    return new Started(request, url, binding);
  }

  /** A stored request, the URL the user must open, and the browser binding secret (or null). */
  public record Started(
      AuthorizationRequest request, URI authorizationUrl, Secret browserBinding) {}

  /** Consumes the state and completes or parks the request; see {@code IntegrationService}. */
  public AuthorizationOutcome receive(AuthorizationCallback callback) {
    AuthorizationRequest request = consumeLive(callback.state(), false);
    boolean proved = ConsentProof.check(request, callback);
    if (callback.error() != null && !callback.error().isBlank()) {
      throw ConsentProof.providerError(callback.error(), request);
    }
    if (callback.code() == null || callback.code().isBlank()) {
      throw new AuthorizationFailedException(
          ErrorCode.INVALID_REQUEST, "The authorization response has no code.", request.type());
    }
    if (!proved) {
      AuthorizationRequest parked = request.parked(random.next(), Secret.of(callback.code()));
      states.save(parked);
      return new AuthorizationOutcome.AwaitingUser(
          parked.type(), parked.state(), parked.expiresAt());
    }
    return new AuthorizationOutcome.Completed(exchangeAndStore(request, callback.code()));
  }

  /**
   * Consumes a parked request and completes it when {@code user} started it; see {@code
   * IntegrationService}.
   */
  public Connection confirm(UserId user, String handle) {
    AuthorizationRequest request = consumeLive(handle, true);
    if (!request.user().equals(user)) {
      throw ConsentProof.mismatch(
          "This consent was started by another user, so nothing was connected. Connect again while signed in "
              + "as yourself.",
          request);
    }
    return exchangeAndStore(request, request.parkedCode().reveal());
  }

  /**
   * Takes the request stored under {@code key}: a state ({@code parked} false) or a completion
   * handle.
   */
  private AuthorizationRequest consumeLive(String key, boolean parked) {
    String what = parked ? "completion handle" : "authorization link";
    if (key == null || key.isBlank()) {
      throw ConsentProof.invalidState("The " + what + " is missing.", null);
    }
    AuthorizationRequest request =
        states
            .consume(Secret.of(key))
            .filter(found -> found.isParked() == parked)
            .orElseThrow(
                () ->
                    ConsentProof.invalidState(
                        "This " + what + " is unknown, expired or already used. Connect again.",
                        null));
    if (request.isExpiredAt(clock.instant())) {
      throw ConsentProof.invalidState("This " + what + " expired. Connect again.", request);
    }
    return request;
  }

  private Connection exchangeAndStore(AuthorizationRequest request, String code) {
    OAuthProviderPort provider = (OAuthProviderPort) providers.provider(request.type());
    TokenGrant grant;
    try {
      grant = provider.exchange(request, code);
    } catch (AuthorizationFailedException e) {
      throw e;
    } catch (IntegrationException e) {
      throw new AuthorizationFailedException(e.code(), e.getMessage(), request.type(), e);
    }
    return store(request, provider.integration(), grant);
  }

  private Connection store(
      AuthorizationRequest request, Integration integration, TokenGrant grant) {
    Instant now = clock.instant();
    Credentials credentials = grant.toCredentials(now, integration.requiredScopes());
    ConnectionKey key = new ConnectionKey(request.user(), request.type());
    tokens.put(key.user(), key.type(), credentials);
    Set<String> missing = credentials.missingScopes(integration.requiredScopes());
    Connection connection = Connection.connected(key.user(), key.type(), now, null);
    if (missing.isEmpty()) {
      ConnectionEvent connected = events.event(ConnectionEvent.Kind.CONNECTED, key, null);
      connections.save(connection, connected);
      events.publish(connected);
      return connection;
    }
    ConnectionEvent lacking =
        events.event(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED, key, ErrorCode.MISSING_SCOPES);
    connections.save(
        connection.failed(ErrorCode.MISSING_SCOPES, MissingScopesException.describe(missing)),
        lacking);
    events.publish(lacking);
    throw new MissingScopesException(key.type(), missing);
  }
}
