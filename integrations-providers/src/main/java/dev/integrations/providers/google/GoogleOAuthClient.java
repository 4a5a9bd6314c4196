package dev.integrations.providers.google;

import dev.integrations.core.error.NotConfiguredException;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProxyPort;
import java.net.URI;

/**
 * What every Google integration shares: the OAuth dance through the one Google client (consent URL with
 * the integration's own scopes, code exchange, refresh, revocation), and the proxy to the integration's
 * REST API root. Subclasses add the test and the actions of their API.
 *
 * <p>Immutable and thread-safe.
 */
abstract class GoogleOAuthClient implements OAuthProviderPort, ProxyPort {
  final GoogleSetup setup;
  private final Integration integration;
  private final ProxyPort proxy;

  /** {@code proxy} calls the integration's API root; null when Google is not configured. */
  GoogleOAuthClient(GoogleSetup setup, Integration integration, ProxyPort proxy) {
    this.setup = setup;
    this.integration = integration.withConfigured(setup.configured());
    this.proxy = proxy;
  }

  @Override
  public final Integration integration() {
    return integration;
  }

  @Override
  public final URI authorizationUrl(AuthorizationRequest request) {
    return setup.require().oauth().authorizationUrl(request, integration.requiredScopes());
  }

  @Override
  public final TokenGrant exchange(AuthorizationRequest request, String code) {
    return setup.require().oauth().exchange(request, code);
  }

  @Override
  public final TokenGrant refresh(Credentials credentials) {
    return setup.require().oauth().refresh(credentials);
  }

  /** Revokes at Google; without an OAuth client it reports the failure rather than throwing. */
  @Override
  public final RevocationResult revoke(Credentials credentials) {
    if (!setup.configured()) {
      return RevocationResult.failed(GoogleSetup.NOT_CONFIGURED_MESSAGE);
    }
    return setup.oauth().revoke(credentials);
  }

  /** Calls the integration's REST API (its catalog {@code base_url}, or {@code GOOGLE_API_ROOT_URL}). */
  @Override
  public final ProxyResponse call(Credentials credentials, ProxyRequest request) {
    if (proxy == null) {
      throw new NotConfiguredException(GoogleSetup.NOT_CONFIGURED_MESSAGE);
    }
    return proxy.call(credentials, request);
  }
}
