package dev.integrations.providers.catalog;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.oauth2.ClientCredentials;
import java.net.URI;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * An OAuth 2.0 catalog entry served by the generic engine (connect, refresh, revoke, the
 * verification call and the proxy), with a plug-in's capability ports on top: a subclass implements
 * {@link dev.integrations.core.port.MailPort} or {@link dev.integrations.core.port.FilesPort} and
 * declares it. The plug-in supplies only the actions; everything the catalog describes stays the
 * engine's.
 *
 * <p>Subclasses are immutable and thread-safe, as this class is.
 */
public abstract class CatalogOAuthAdapter implements OAuthProviderPort, ProxyPort {
  private final CatalogOAuthProvider engine;
  private final Integration integration;

  /**
   * The engine's adapter of {@code spec} (placeholders filled), not configured when {@code client}
   * is null, declaring {@code capabilities}.
   */
  protected CatalogOAuthAdapter(
      ProviderSpec spec,
      ClientCredentials client,
      OkHttpClient http,
      Set<Capability> capabilities) {
    this.engine = new CatalogOAuthProvider(spec, client, http);
    this.integration = engine.integration().withCapabilities(capabilities);
  }

  @Override
  public final Integration integration() {
    return integration;
  }

  @Override
  public final URI authorizationUrl(AuthorizationRequest request) {
    return engine.authorizationUrl(request);
  }

  @Override
  public final TokenGrant exchange(AuthorizationRequest request, String code) {
    return engine.exchange(request, code);
  }

  @Override
  public final TokenGrant refresh(Credentials credentials) {
    return engine.refresh(credentials);
  }

  @Override
  public final TestResult test(Credentials credentials) {
    return engine.test(credentials);
  }

  @Override
  public final RevocationResult revoke(Credentials credentials) {
    return engine.revoke(credentials);
  }

  @Override
  public final ProxyResponse call(Credentials credentials, ProxyRequest request) {
    return engine.call(credentials, request);
  }
}
