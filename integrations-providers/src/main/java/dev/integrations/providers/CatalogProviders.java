package dev.integrations.providers;

import dev.integrations.core.model.Capability;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.catalog.AuthKind;
import dev.integrations.providers.catalog.CatalogException;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.Placeholders;
import dev.integrations.providers.catalog.ProviderCatalog;
import dev.integrations.providers.catalog.ProviderSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every provider of the catalog, as adapters of the provider ports: a plug-in's own where one
 * claims the entry, the generic engine's otherwise. The catalog decides what exists; settings
 * decide what is configured; nothing here names a provider.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class CatalogProviders {
  private final List<ProviderPort> adapters;

  private CatalogProviders(List<ProviderPort> adapters) {
    this.adapters = List.copyOf(adapters);
  }

  /**
   * The adapters of every entry of {@code catalog}, in catalog order, with the plug-ins found on
   * the class path.
   *
   * @throws CatalogException when a setting is inconsistent, two plug-ins claim one entry, or an
   *     entry declares a capability its adapter does not serve
   */
  public static CatalogProviders build(ProviderCatalog catalog, ProviderContext context) {
    List<ProviderPlugin> plugins = new ArrayList<>();
    ServiceLoader.load(ProviderPlugin.class, CatalogProviders.class.getClassLoader())
        .forEach(plugins::add);
    return build(catalog, context, plugins);
  }

  /** As {@link #build(ProviderCatalog, ProviderContext)}, with exactly {@code plugins}. */
  public static CatalogProviders build(
      ProviderCatalog catalog, ProviderContext context, List<ProviderPlugin> plugins) {
    Map<String, ProviderSpec> specs = new LinkedHashMap<>();
    for (ProviderSpec spec : catalog.providers()) {
      specs.put(spec.key(), Placeholders.fill(spec, context::setting));
    }
    Map<String, ProviderPort> built = new HashMap<>();
    Map<String, ProviderPlugin> claimedBy = new HashMap<>();
    for (ProviderPlugin plugin : plugins) {
      Map<String, ProviderSpec> mine = new LinkedHashMap<>();
      for (String key : plugin.keys()) {
        ProviderPlugin other = claimedBy.putIfAbsent(key, plugin);
        if (other != null) {
          throw new CatalogException(
              "Two provider plug-ins serve '"
                  + key
                  + "': "
                  + other.getClass().getName()
                  + " and "
                  + plugin.getClass().getName()
                  + ".");
        }
        if (specs.containsKey(key)) {
          mine.put(key, specs.get(key));
        }
      }
      if (!mine.isEmpty()) {
        built.putAll(plugin.adapters(mine, context));
      }
    }
    List<ProviderPort> adapters = new ArrayList<>();
    for (ProviderSpec spec : specs.values()) {
      ProviderPort adapter =
          built.containsKey(spec.key()) ? built.get(spec.key()) : generic(spec, context);
      adapters.add(declared(spec, adapter));
    }
    return new CatalogProviders(adapters);
  }

  /** The adapters, in catalog order. */
  public List<ProviderPort> adapters() {
    return adapters;
  }

  private static ProviderPort generic(ProviderSpec spec, ProviderContext context) {
    return spec.auth() == AuthKind.OAUTH2
        ? GenericAdapters.oauth(
            spec, context.client(spec.credentialsGroup()).orElse(null), context.http())
        : GenericAdapters.token(spec, context.http());
  }

  /** Checks that the adapter serves exactly what the catalog declares for it. */
  private static ProviderPort declared(ProviderSpec spec, ProviderPort adapter) {
    Set<String> declared = spec.capabilities();
    Set<String> served =
        adapter.integration().capabilities().stream()
            .map(Capability::wireName)
            .collect(Collectors.toSet());
    if (!declared.equals(served)) {
      throw new CatalogException(
          "provider '"
              + spec.key()
              + "' declares capabilities "
              + sorted(declared)
              + " but its adapter serves "
              + sorted(served)
              + ": declare only what an adapter serves.");
    }
    return adapter;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
