package dev.integrations.providers.catalog;

import dev.integrations.providers.catalog.ProviderSpec.ApiSettings;
import dev.integrations.providers.catalog.ProviderSpec.OAuthSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fills the {@code {placeholders}} of a catalog entry's URLs: each from the setting {@code
 * <GROUP>_<NAME>} when it is set (Microsoft's tenant: {@code MICROSOFT_TENANT}), otherwise from the
 * entry's {@code url_params} default.
 */
public final class Placeholders {
  private Placeholders() {}

  /** {@code spec} with every URL placeholder filled from {@code settings}. */
  public static ProviderSpec fill(ProviderSpec spec, Function<String, Optional<String>> settings) {
    if (spec.oauth() == null || spec.oauth().urlParams().isEmpty()) {
      return spec;
    }
    OAuthSettings oauth = spec.oauth();
    Map<String, String> values = new LinkedHashMap<>();
    oauth
        .urlParams()
        .forEach(
            (name, fallback) ->
                values.put(
                    name,
                    settings
                        .apply(
                            spec.credentialsGroup().toUpperCase(Locale.ROOT)
                                + "_"
                                + name.toUpperCase(Locale.ROOT))
                        .filter(v -> !v.isBlank())
                        .map(String::strip)
                        .orElse(fallback)));
    for (Map.Entry<String, String> value : values.entrySet()) {
      if (!value.getValue().matches("[A-Za-z0-9._-]+")) {
        throw new CatalogException(
            spec.credentialsGroup().toUpperCase(Locale.ROOT)
                + "_"
                + value.getKey().toUpperCase(Locale.ROOT)
                + " must be letters, digits, '.', '_' or '-'.");
      }
    }
    OAuthSettings filled =
        new OAuthSettings(
            fill(oauth.authorizationUrl(), values),
            fill(oauth.tokenUrl(), values),
            oauth.revocationUrl() == null ? null : fill(oauth.revocationUrl(), values),
            oauth.revocationStyle(),
            oauth.pkce(),
            oauth.clientAuth(),
            oauth.tokenRequestFormat(),
            oauth.scopeSeparator(),
            oauth.scopeParam(),
            oauth.scopes(),
            oauth.optionalScopes(),
            oauth.authorizationParams(),
            oauth.tokenParams(),
            values,
            oauth.tokenResponse());
    ApiSettings api = spec.api();
    ApiSettings filledApi =
        new ApiSettings(
            fill(api.baseUrl(), values),
            api.credentialIn(),
            api.credentialName(),
            api.credentialFormat(),
            api.headers(),
            api.contentUrl() == null ? null : fill(api.contentUrl(), values));
    return new ProviderSpec(
        spec.key(),
        spec.name(),
        spec.description(),
        spec.icon(),
        spec.auth(),
        spec.credentialsGroup(),
        filled,
        filledApi,
        spec.verify(),
        spec.capabilities(),
        spec.connectionConfig());
  }

  private static String fill(String url, Map<String, String> values) {
    String filled = url;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled = filled.replace("{" + value.getKey() + "}", value.getValue());
    }
    return filled;
  }
}
