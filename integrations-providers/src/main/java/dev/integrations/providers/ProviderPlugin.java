package dev.integrations.providers;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.catalog.ProviderSpec;
import java.util.Map;
import java.util.Set;

/**
 * A provider's own adapters, for catalog entries whose capabilities need more than the generic
 * engine (Gmail's MIME messages, Drive's resumable uploads, Telegram's pacing). The catalog still
 * describes the entry; a plug-in only supplies code where data is not enough, and nothing outside
 * its package names it: plug-ins are found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.integrations.providers.ProviderPlugin}).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ProviderPlugin {
  /** The catalog keys whose adapters this plug-in builds. */
  Set<String> keys();

  /**
   * Builds the adapters of {@code specs} (one entry per key of {@link #keys()}, placeholders
   * filled), keyed like them.
   *
   * @throws dev.integrations.providers.catalog.CatalogException when the settings are inconsistent
   */
  Map<String, ProviderPort> adapters(Map<String, ProviderSpec> specs, ProviderContext context);
}
