package dev.integrations.providers.catalog;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.ProxyPort;
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
   * The proxy to the API of {@code spec} (placeholders filled), for a plug-in whose own adapter should
   * also call the provider's API as the catalog describes it: {@code base_url}, credential placement,
   * fixed headers, bounded answers.
   */
  public static ProxyPort proxy(ProviderSpec spec, OkHttpClient http) {
    return new CatalogProxy(spec, http);
  }
}
