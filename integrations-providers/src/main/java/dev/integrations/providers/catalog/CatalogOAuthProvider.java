package dev.integrations.providers.catalog;

import dev.integrations.core.error.NotConfiguredException;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.catalog.internal.ApiClient;
import dev.integrations.providers.catalog.internal.Verification;
import dev.integrations.providers.oauth2.ClientCredentials;
import dev.integrations.providers.oauth2.OAuth2Client;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Any OAuth 2.0 provider of the catalog, served by the generic engine: connect, refresh and revoke
 * through {@link OAuth2Client}, test through the entry's verification call, and the proxy to its
 * API. Without client credentials it is listed but answers {@code not_configured}.
 *
 * <p>Immutable and thread-safe.
 */
final class CatalogOAuthProvider implements OAuthProviderPort, ProxyPort {
  private final ProviderSpec spec;
  private final Integration integration;
  private final OAuth2Client oauth;
  private final ApiClient api;
  private final Verification verification;
  private final ProxyPort proxy;

  CatalogOAuthProvider(ProviderSpec spec, ClientCredentials client, OkHttpClient http) {
    this.spec = spec;
    this.integration =
        new Integration(
            IntegrationType.of(spec.key()),
            spec.name(),
            spec.description(),
            spec.icon(),
            AuthMethod.OAUTH2,
            new LinkedHashSet<>(spec.oauth().scopes()),
            spec.credentialsGroup(),
            Set.of(),
            client != null);
    this.oauth = client == null ? null : OAuth2Client.of(spec, client, http);
    this.api = new ApiClient(spec, http);
    this.verification = new Verification(spec, api);
    this.proxy = new CatalogProxy(spec, http);
  }

  @Override
  public Integration integration() {
    return integration;
  }

  /** Whether the provider's client id and secret are set. */
  boolean isConfigured() {
    return oauth != null;
  }

  @Override
  public java.net.URI authorizationUrl(AuthorizationRequest request) {
    return client().authorizationUrl(request);
  }

  @Override
  public TokenGrant exchange(AuthorizationRequest request, String code) {
    return client().exchange(request, code);
  }

  @Override
  public TokenGrant refresh(Credentials credentials) {
    return client().refresh(credentials);
  }

  @Override
  public RevocationResult revoke(Credentials credentials) {
    if (oauth == null) {
      return RevocationResult.failed(
          spec.name()
              + " is not configured here any more, so the grant could not be"
              + " revoked; the tokens were forgotten here. Remove the app's access in your "
              + spec.name()
              + " account.");
    }
    return oauth.revoke(credentials);
  }

  @Override
  public TestResult test(Credentials credentials) {
    return verification.verify(credentials.accessToken());
  }

  @Override
  public ProxyResponse call(Credentials credentials, ProxyRequest request) {
    return proxy.call(credentials, request);
  }

  private OAuth2Client client() {
    if (oauth == null) {
      String group = spec.credentialsGroup().toUpperCase(Locale.ROOT);
      throw new NotConfiguredException(
          spec.name()
              + " is not configured: set "
              + group
              + "_CLIENT_ID and "
              + group
              + "_CLIENT_SECRET.");
    }
    return oauth;
  }
}
