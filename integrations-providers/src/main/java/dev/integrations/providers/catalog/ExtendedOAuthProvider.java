package dev.integrations.providers.catalog;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import java.net.URI;

/**
 * An OAuth provider of the generic engine (connect, refresh, revoke, test, proxy) extended with a
 * plug-in's capability ports: mail (Outlook), files (OneDrive, Dropbox), messages (Slack, Teams).
 * It declares only the capabilities whose ports it was given, so the others are never reached.
 * Immutable and thread-safe.
 */
final class ExtendedOAuthProvider extends ExtendedProvider<CatalogOAuthProvider>
    implements OAuthProviderPort {

  ExtendedOAuthProvider(CatalogOAuthProvider base, CapabilityPorts ports) {
    super(base, ports);
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    return base.authorizationUrl(request);
  }

  @Override
  public TokenGrant exchange(AuthorizationRequest request, String code) {
    return base.exchange(request, code);
  }

  @Override
  public TokenGrant refresh(Credentials credentials) {
    return base.refresh(credentials);
  }
}
