package dev.integrations.providers;

import dev.integrations.providers.catalog.CatalogException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks URL settings: the one test of "an http(s) URL with a host" for the catalog, plug-ins and
 * settings.
 */
public final class HttpUrls {
  private HttpUrls() {}

  /**
   * {@code value} as a URI when it is an http(s) URL with a host; empty otherwise (null included).
   */
  public static Optional<URI> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? Optional.of(uri)
          : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code value} as a URI when it is an http(s) URL with a host.
   *
   * @throws CatalogException naming {@code key} otherwise
   */
  public static URI require(String key, String value) {
    return parse(value)
        .orElseThrow(
            () -> new CatalogException(key + " must be an http(s) URL, not '" + value + "'."));
  }
}
