package dev.integrations.core.service.internal;

import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.MissingScopesException;
import dev.integrations.core.error.NotConfiguredException;
import dev.integrations.core.model.AuthorizationRequest;
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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/** The two halves of an OAuth connect: start (state + consent URL) and complete (callback). */
public final class OAuthFlow {
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

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

  /** Stores a new single-use authorization request and returns it with its consent URL. */
  public Started start(UserId user, OAuthProviderPort provider, URI redirectUri) {
    URI redirect = redirectUri != null ? redirectUri : defaultRedirectUri;
    if (redirect == null) {
      throw new NotConfiguredException("No OAuth redirect URI is configured.");
    }
    Instant now = clock.instant();
    states.deleteExpired(now);
    AuthorizationRequest request =
        new AuthorizationRequest(
            random.next(), user, provider.integration().type(), random.next(), redirect, now.plus(ttl));
    URI url = provider.authorizationUrl(request);
    states.save(request);
    return new Started(request, url);
  }

  /** A stored request and the URL the user must open. */
  public record Started(AuthorizationRequest request, URI authorizationUrl) {}

  /** Consumes the state, exchanges the code and stores the grant; see {@code IntegrationService}. */
  public Connection complete(String state, String code, String error, UserId expectedUser) {
    if (state == null || state.isBlank()) {
      throw invalidState("The authorization response has no state.", null);
    }
    AuthorizationRequest request =
        states.consume(Secret.of(state))
            .orElseThrow(() -> invalidState("This authorization link is unknown, expired or already used. Connect again.", null));
    Integration integration = providers.provider(request.type()).integration();
    if (request.isExpiredAt(clock.instant())) {
      throw invalidState("This authorization link expired. Connect again.", request);
    }
    if (expectedUser != null && !expectedUser.equals(request.user())) {
      throw invalidState("This authorization link was issued to another user.", request);
    }
    if (error != null && !error.isBlank()) {
      throw providerError(error, request);
    }
    if (code == null || code.isBlank()) {
      throw new AuthorizationFailedException(
          ErrorCode.INVALID_REQUEST, "The authorization response has no code.", request.type());
    }
    OAuthProviderPort provider = (OAuthProviderPort) providers.provider(request.type());
    TokenGrant grant;
    try {
      grant = provider.exchange(request, code);
    } catch (AuthorizationFailedException e) {
      throw e;
    } catch (IntegrationException e) {
      throw new AuthorizationFailedException(e.code(), e.getMessage(), request.type(), e);
    }
    return store(request, integration, grant);
  }

  private Connection store(AuthorizationRequest request, Integration integration, TokenGrant grant) {
    Instant now = clock.instant();
    Credentials credentials = grant.toCredentials(now, integration.requiredScopes());
    ConnectionKey key = new ConnectionKey(request.user(), request.type());
    tokens.put(key.user(), key.type(), credentials);
    Set<String> missing = credentials.missingScopes(integration.requiredScopes());
    Connection connection = Connection.connected(key.user(), key.type(), now, null);
    if (missing.isEmpty()) {
      connections.save(connection);
      events.publish(ConnectionEvent.Kind.CONNECTED, key, null);
      return connection;
    }
    connections.save(connection.failed(ErrorCode.MISSING_SCOPES, MissingScopesException.describe(missing)));
    events.publish(ConnectionEvent.Kind.REAUTHORIZATION_REQUIRED, key, ErrorCode.MISSING_SCOPES);
    throw new MissingScopesException(key.type(), missing);
  }

  private static AuthorizationFailedException invalidState(String message, AuthorizationRequest request) {
    return new AuthorizationFailedException(
        ErrorCode.INVALID_STATE, message, request == null ? null : request.type());
  }

  private static AuthorizationFailedException providerError(String error, AuthorizationRequest request) {
    if ("access_denied".equals(error)) {
      return new AuthorizationFailedException(
          ErrorCode.ACCESS_DENIED, "Access was declined on the consent screen.", request.type());
    }
    String shown = ERROR_CODE.matcher(error).matches() ? error : "unrecognised error";
    return new AuthorizationFailedException(
        ErrorCode.PROVIDER_REJECTED, "The provider refused the authorization: " + shown + ".", request.type());
  }
}
