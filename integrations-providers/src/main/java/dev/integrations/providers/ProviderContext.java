package dev.integrations.providers;

import dev.integrations.core.model.Secret;
import dev.integrations.providers.catalog.CatalogException;
import dev.integrations.providers.oauth2.ClientCredentials;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * What adapters are built with: the application's settings (environment and properties file), its
 * one shared HTTP client. {@link #toString()} shows no setting.
 *
 * @param settings looks a setting up by its key ({@code GOOGLE_CLIENT_ID})
 * @param http the shared OkHttp client
 */
public record ProviderContext(Function<String, Optional<String>> settings, OkHttpClient http) {
  /** Requires both. */
  public ProviderContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(http, "http");
  }

  /** The setting {@code key}, when it is set and not blank. */
  public Optional<String> setting(String key) {
    return settings.apply(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  /**
   * The OAuth client of credentials group {@code group}: {@code <GROUP>_CLIENT_ID} and {@code
   * <GROUP>_CLIENT_SECRET}; empty when neither is set.
   *
   * @throws CatalogException when only one of the two is set
   */
  public Optional<ClientCredentials> client(String group) {
    String prefix = group.toUpperCase(Locale.ROOT);
    Optional<String> id = setting(prefix + "_CLIENT_ID");
    Optional<String> secret = setting(prefix + "_CLIENT_SECRET");
    if (id.isPresent() != secret.isPresent()) {
      throw new CatalogException(
          prefix
              + "_CLIENT_ID and "
              + prefix
              + "_CLIENT_SECRET go together: "
              + (id.isPresent() ? prefix + "_CLIENT_SECRET" : prefix + "_CLIENT_ID")
              + " is missing.");
    }
    return id.map(value -> new ClientCredentials(value, Secret.of(secret.orElseThrow())));
  }

  @Override
  public String toString() {
    return "ProviderContext[settings=***]";
  }
}
