package dev.integrations.providers.google;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import java.net.URI;

/**
 * What every Google integration shares: the OAuth dance through the one Google client (consent URL with
 * the integration's own scopes, code exchange, refresh, revocation). Subclasses add the test and the
 * actions of their API.
 *
 * <p>Immutable and thread-safe.
 */
abstract class GoogleOAuthClient implements OAuthProviderPort {
  final GoogleSetup setup;
  private final Integration integration;

  GoogleOAuthClient(GoogleSetup setup, Integration integration) {
    this.setup = setup;
    this.integration = integration.withConfigured(setup.configured());
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
}
