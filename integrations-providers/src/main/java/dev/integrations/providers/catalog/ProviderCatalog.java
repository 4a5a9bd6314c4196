package dev.integrations.providers.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every provider the application knows: the bundled {@code providers.yaml}, plus a file that adds
 * providers or overrides fields of bundled ones ({@code INTEGRATIONS_PROVIDERS_FILE}). An override
 * is merged field by field into the bundled entry (nested mappings too; lists and values are
 * replaced), then every entry is validated strictly: an unknown field, a missing one or a malformed
 * value stops start-up with a message naming the file, the entry and the field.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderCatalog {
  /** The bundled catalog, on the class path. */
  public static final String BUNDLED = "/dev/integrations/providers/catalog/providers.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, ProviderSpec> providers;

  private ProviderCatalog(Map<String, ProviderSpec> providers) {
    this.providers = providers;
  }

  /** The bundled catalog alone. */
  public static ProviderCatalog bundled() {
    return load(null);
  }

  /**
   * The bundled catalog with {@code overrides} merged into it (none when null).
   *
   * @throws CatalogException when either file is malformed or an entry is invalid
   */
  public static ProviderCatalog load(Path overrides) {
    ObjectNode merged = read("providers.yaml", bundledYaml());
    Map<String, String> origin = new LinkedHashMap<>();
    merged.fieldNames().forEachRemaining(key -> origin.put(key, "providers.yaml"));
    if (overrides != null) {
      String name = overrides.toString();
      ObjectNode extra;
      try (InputStream in = Files.newInputStream(overrides)) {
        extra = read(name, in);
      } catch (IOException e) {
        throw new CatalogException(
            "Cannot read the providers file " + name + ": " + e.getMessage(), e);
      }
      extra
          .fields()
          .forEachRemaining(
              entry -> {
                JsonNode bundled = merged.get(entry.getKey());
                merged.set(
                    entry.getKey(),
                    bundled == null
                        ? entry.getValue()
                        : deepMerge(bundled.deepCopy(), entry.getValue()));
                origin.put(entry.getKey(), bundled == null ? name : "providers.yaml + " + name);
              });
    }
    Map<String, ProviderSpec> providers = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = merged.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      providers.put(
          entry.getKey(),
          new EntryReader(origin.get(entry.getKey()), entry.getKey(), entry.getValue()).read());
    }
    return new ProviderCatalog(providers);
  }

  /** Every provider, bundled ones first, in file order. */
  public List<ProviderSpec> providers() {
    return new ArrayList<>(providers.values());
  }

  /** The provider whose key is {@code key}, if any. */
  public Optional<ProviderSpec> find(String key) {
    return Optional.ofNullable(providers.get(key));
  }

  private static InputStream bundledYaml() {
    InputStream in = ProviderCatalog.class.getResourceAsStream(BUNDLED);
    if (in == null) {
      throw new IllegalStateException(
          "The bundled provider catalog is missing from the class path: " + BUNDLED);
    }
    return in;
  }

  private static ObjectNode read(String name, InputStream in) {
    JsonNode root;
    try (in) {
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new CatalogException(name + " is not valid YAML: " + firstLine(e.getMessage()), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return YAML.createObjectNode();
    }
    if (!root.isObject()) {
      throw new CatalogException(name + " must be a mapping from provider keys to their entries.");
    }
    return (ObjectNode) root;
  }

  private static JsonNode deepMerge(JsonNode base, JsonNode override) {
    if (!(base instanceof ObjectNode target) || !override.isObject()) {
      return override;
    }
    override
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode existing = target.get(field.getKey());
              target.set(
                  field.getKey(),
                  existing == null ? field.getValue() : deepMerge(existing, field.getValue()));
            });
    return target;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
