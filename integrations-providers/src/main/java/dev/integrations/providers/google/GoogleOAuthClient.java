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
import dev.integrations.providers.oauth2.OAuth2Client;
import java.net.URI;

/**
 * What every Google integration shares: the OAuth dance through the generic {@link OAuth2Client}
 * with the one Google client (consent URL with the integration's own scopes, {@code
 * access_type=offline} and {@code prompt=consent} from its catalog entry, code exchange, refresh,
 * revocation), and the proxy to the integration's REST API root. Subclasses add the test and the
 * actions of their API.
 *
 * <p>Immutable and thread-safe.
 */
abstract class GoogleOAuthClient implements OAuthProviderPort, ProxyPort {
  final GoogleSetup setup;
  private final Integration integration;
  private final OAuth2Client oauth;
  private final ProxyPort proxy;

  /**
   * {@code oauth} is the integration's flow and {@code proxy} calls its API root; both null when
   * Google is not configured.
   */
  GoogleOAuthClient(
      GoogleSetup setup, Integration integration, OAuth2Client oauth, ProxyPort proxy) {
    this.setup = setup;
    this.oauth = oauth;
    this.integration = integration.withConfigured(setup.configured());
    this.proxy = proxy;
  }

  @Override
  public final Integration integration() {
    return integration;
  }

  @Override
  public final URI authorizationUrl(AuthorizationRequest request) {
    return oauth().authorizationUrl(request);
  }

  @Override
  public final TokenGrant exchange(AuthorizationRequest request, String code) {
    return oauth().exchange(request, code);
  }

  @Override
  public final TokenGrant refresh(Credentials credentials) {
    return oauth().refresh(credentials);
  }

  /** Revokes at Google; without an OAuth client it reports the failure rather than throwing. */
  @Override
  public final RevocationResult revoke(Credentials credentials) {
    if (oauth == null) {
      return RevocationResult.failed(GoogleSetup.NOT_CONFIGURED_MESSAGE);
    }
    RevocationResult result = oauth.revoke(credentials);
    return result.revoked()
        ? result
        : RevocationResult.failed(
            result.message()
                + " Remove the access at https://myaccount.google.com/permissions if needed.");
  }

  /**
   * Calls the integration's REST API (its catalog {@code base_url}, or {@code
   * GOOGLE_API_ROOT_URL}).
   */
  @Override
  public final ProxyResponse call(Credentials credentials, ProxyRequest request) {
    if (proxy == null) {
      throw new NotConfiguredException(GoogleSetup.NOT_CONFIGURED_MESSAGE);
    }
    return proxy.call(credentials, request);
  }

  private OAuth2Client oauth() {
    if (oauth == null) {
      throw new NotConfiguredException(GoogleSetup.NOT_CONFIGURED_MESSAGE);
    }
    return oauth;
  }
}
