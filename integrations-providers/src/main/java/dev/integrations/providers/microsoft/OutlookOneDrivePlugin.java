package dev.integrations.providers.microsoft;

import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.CapabilityPorts;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.oauth2.ClientCredentials;
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
      MailPort mail = new OutlookMail(spec, context.http(), retries);
      adapters.put(
          OUTLOOK,
          GenericAdapters.withCapabilities(
              spec, client(spec, context), context.http(), CapabilityPorts.mail(mail)));
    }
    if (specs.containsKey(ONEDRIVE)) {
      ProviderSpec spec = specs.get(ONEDRIVE);
      FilesPort files =
          new OneDriveFiles(spec, context.http(), retries, OneDriveFiles.DEFAULT_CHUNK_SIZE);
      adapters.put(
          ONEDRIVE,
          GenericAdapters.withCapabilities(
              spec, client(spec, context), context.http(), CapabilityPorts.files(files)));
    }
    return adapters;
  }

  private static ClientCredentials client(ProviderSpec spec, ProviderContext context) {
    return context.client(spec.credentialsGroup()).orElse(null);
  }
}
