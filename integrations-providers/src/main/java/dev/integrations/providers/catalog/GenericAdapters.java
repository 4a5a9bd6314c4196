package dev.integrations.providers.catalog;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.catalog.internal.ConfiguredToken;
import dev.integrations.providers.oauth2.ClientCredentials;
import okhttp3.OkHttpClient;

/** The generic engine's adapters for catalog entries no plug-in claims. */
public final class GenericAdapters {
  private GenericAdapters() {}

  /** The adapter of an {@code oauth2} entry; not configured when {@code client} is null. */
  public static ProviderPort oauth(ProviderSpec spec, ClientCredentials client, OkHttpClient http) {
    return new CatalogOAuthProvider(spec, client, http);
  }

  /** The adapter of a {@code bot_token} or {@code api_key} entry. */
  public static ProviderPort token(ProviderSpec spec, OkHttpClient http) {
    return new CatalogTokenProvider(spec, http);
  }

  /**
   * The generic engine's adapter of {@code spec} (as {@link #oauth} or {@link #token} build it),
   * extended with a plug-in's capability {@code ports}: the plug-in supplies only the actions, the
   * engine keeps connect, refresh, test, revoke and the proxy, as the catalog describes them.
   *
   * @param client the OAuth client of an {@code oauth2} entry, null when not configured; unused
   *     otherwise
   */
  public static ProviderPort withCapabilities(
      ProviderSpec spec, ClientCredentials client, OkHttpClient http, CapabilityPorts ports) {
    return spec.auth() == AuthKind.OAUTH2
        ? new ExtendedOAuthProvider(new CatalogOAuthProvider(spec, client, http), ports)
        : new ExtendedTokenProvider(new CatalogTokenProvider(spec, http), ports);
  }

  /** {@link #withCapabilities} with a messages port only (Slack, Discord, Teams, WhatsApp). */
  public static ProviderPort withMessaging(
      ProviderSpec spec, ClientCredentials client, OkHttpClient http, MessagingPort messages) {
    return withCapabilities(spec, client, http, CapabilityPorts.messages(messages));
  }

  /**
   * The token a stored credential of {@code spec} carries to the provider's API: the credential
   * itself, or the token sealed with the connection's values when the entry asks for some ({@code
   * connection_config}).
   */
  public static Secret apiToken(ProviderSpec spec, Credentials credentials) {
    return spec.connectionConfig().isEmpty()
        ? credentials.accessToken()
        : ConfiguredToken.open(credentials.accessToken(), spec.name()).token();
  }

  /** The connection's value {@code name} stored with a credential of {@code spec}, or null. */
  public static String connectionValue(ProviderSpec spec, Credentials credentials, String name) {
    return spec.connectionConfig().isEmpty()
        ? null
        : ConfiguredToken.open(credentials.accessToken(), spec.name()).config().get(name);
  }

  /**
   * The proxy to the API of {@code spec} (placeholders filled), for a plug-in whose own adapter
   * should also call the provider's API as the catalog describes it: {@code base_url}, credential
   * placement, fixed headers, bounded answers.
   */
  public static ProxyPort proxy(ProviderSpec spec, OkHttpClient http) {
    return new CatalogProxy(spec, http);
  }
}
