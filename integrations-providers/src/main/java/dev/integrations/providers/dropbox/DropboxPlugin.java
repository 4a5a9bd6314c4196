package dev.integrations.providers.dropbox;

import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.CapabilityPorts;
import dev.integrations.providers.catalog.CatalogException;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import java.util.Map;
import java.util.Set;

/**
 * Dropbox's files. The catalog entry describes everything else (OAuth, scopes, the API at {@code
 * base_url} and the content host at {@code content_url}), served by the generic engine; this
 * plug-in adds only the actions.
 */
public final class DropboxPlugin implements ProviderPlugin {
  private static final String DROPBOX = "dropbox";

  @Override
  public Set<String> keys() {
    return Set.of(DROPBOX);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    ProviderSpec spec = specs.get(DROPBOX);
    if (spec.api().contentUrl() == null) {
      throw new CatalogException(
          "provider 'dropbox', field 'content_url': is required: Dropbox takes file"
              + " contents at its own host (https://content.dropboxapi.com/2).");
    }
    FilesPort files =
        new DropboxFiles(
            spec, context.http(), RetrySettings.defaults(), DropboxFiles.DEFAULT_CHUNK_SIZE);
    return Map.of(
        DROPBOX,
        GenericAdapters.withCapabilities(
            spec,
            context.client(spec.credentialsGroup()).orElse(null),
            context.http(),
            CapabilityPorts.files(files)));
  }
}
