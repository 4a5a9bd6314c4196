package dev.integrations.providers;

import dev.integrations.providers.catalog.CatalogException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks the URL settings of provider plug-ins. */
public final class HttpUrls {
  private HttpUrls() {}

  /**
   * {@code value} as a URI when it is an http(s) URL with a host.
   *
   * @throws CatalogException naming {@code key} otherwise
   */
  public static URI require(String key, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new CatalogException(key + " must be an http(s) URL, not '" + value + "'.");
  }
}
