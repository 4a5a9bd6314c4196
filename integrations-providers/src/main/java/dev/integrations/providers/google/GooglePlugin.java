package dev.integrations.providers.google;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.HttpUrls;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.oauth2.ClientCredentials;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gmail and Google Drive: one Google OAuth client ({@code GOOGLE_CLIENT_ID} / {@code
 * GOOGLE_CLIENT_SECRET}) through the generic OAuth 2.0 engine, and the Google client libraries for
 * MIME mail and resumable uploads. The endpoints come from each catalog entry; {@code
 * GOOGLE_AUTH_URI}, {@code GOOGLE_TOKEN_URI}, {@code GOOGLE_REVOKE_URI} and {@code
 * GOOGLE_API_ROOT_URL} still override them, as they always have.
 */
public final class GooglePlugin implements ProviderPlugin {
  private static final String GMAIL = "gmail";
  private static final String DRIVE = "google_drive";

  @Override
  public Set<String> keys() {
    return Set.of(GMAIL, DRIVE);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    ProviderSpec spec = specs.containsKey(GMAIL) ? specs.get(GMAIL) : specs.get(DRIVE);
    GoogleProviders.Builder google = GoogleProviders.builder().httpClient(context.http());
    uri(context, "GOOGLE_AUTH_URI").ifPresent(google::authorizationUri);
    uri(context, "GOOGLE_TOKEN_URI").ifPresent(google::tokenUri);
    uri(context, "GOOGLE_REVOKE_URI").ifPresent(google::revocationUri);
    context
        .setting("GOOGLE_API_ROOT_URL")
        .ifPresent(
            root -> google.apiRootUrl(HttpUrls.require("GOOGLE_API_ROOT_URL", root).toString()));
    google.catalogEntries(specs.get(GMAIL), specs.get(DRIVE)); // the proxies call their base_url
    Optional<ClientCredentials> client = context.client(spec.credentialsGroup());
    client.ifPresent(c -> google.clientId(c.clientId()).clientSecret(c.clientSecret()));
    GoogleProviders built = google.build();
    Map<String, ProviderPort> adapters = new LinkedHashMap<>();
    if (specs.containsKey(GMAIL)) {
      adapters.put(GMAIL, built.gmail());
    }
    if (specs.containsKey(DRIVE)) {
      adapters.put(DRIVE, built.drive());
    }
    return adapters;
  }

  private static Optional<URI> uri(ProviderContext context, String key) {
    return context.setting(key).map(value -> HttpUrls.require(key, value));
  }
}
