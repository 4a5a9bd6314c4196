package dev.integrations.providers.microsoft;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Outlook's mail and OneDrive's files through Microsoft Graph. The catalog entries describe
 * everything else (the Microsoft client, {@code {tenant}}, scopes, {@code base_url}), served by the
 * generic engine; this plug-in adds only the actions.
 */
public final class OutlookOneDrivePlugin implements ProviderPlugin {
  private static final String OUTLOOK = "outlook";
  private static final String ONEDRIVE = "onedrive";

  @Override
  public Set<String> keys() {
    return Set.of(OUTLOOK, ONEDRIVE);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    Map<String, ProviderPort> adapters = new LinkedHashMap<>();
    RetrySettings retries = RetrySettings.defaults();
    if (specs.containsKey(OUTLOOK)) {
      ProviderSpec spec = specs.get(OUTLOOK);
      adapters.put(
          OUTLOOK,
          new OutlookMail(
              spec, context.client(spec.credentialsGroup()).orElse(null), context.http(), retries));
    }
    if (specs.containsKey(ONEDRIVE)) {
      ProviderSpec spec = specs.get(ONEDRIVE);
      adapters.put(
          ONEDRIVE,
          new OneDriveFiles(
              spec,
              context.client(spec.credentialsGroup()).orElse(null),
              context.http(),
              retries,
              OneDriveFiles.DEFAULT_CHUNK_SIZE));
    }
    return adapters;
  }
}
