package dev.integrations.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The origins and host names this server is known by, against DNS rebinding: a browser page of
 * another site that resolves its own name to this server still sends its own {@code Origin} and
 * {@code Host}, and is refused. Known are the public and frontend URLs' origins and hosts, the
 * listening host, and the loopback names (which no other site's page can make a browser send as
 * {@code Host}).
 */
final class KnownOrigins {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Set<String> origins = new HashSet<>();
  private final Set<String> hosts = new HashSet<>(LOOPBACK);

  KnownOrigins(List<URI> urls, String listeningHost) {
    for (URI url : urls) {
      origins.add(origin(url));
      hosts.add(url.getHost().toLowerCase(Locale.ROOT));
    }
    if (listeningHost != null && !listeningHost.equals("0.0.0.0") && !listeningHost.equals("::")) {
      hosts.add(listeningHost.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Whether a request with {@code Origin: origin} is accepted: a known origin, or a loopback page
   * of this very server (its origin's authority is the request's {@code Host}).
   */
  boolean allowsOrigin(String origin, String hostHeader) {
    URI url;
    try {
      url = new URI(origin.strip());
    } catch (URISyntaxException e) {
      return false;
    }
    if (url.getScheme() == null || url.getHost() == null) {
      return false;
    }
    if (origins.contains(origin(url))) {
      return true;
    }
    return LOOPBACK.contains(url.getHost().toLowerCase(Locale.ROOT))
        && hostHeader != null
        && url.getRawAuthority().equalsIgnoreCase(hostHeader.strip());
  }

  /** Whether the {@code Host} header names this server (a request without one is refused). */
  boolean allowsHost(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      host = end < 0 ? host : host.substring(0, end + 1);
    } else if (host.indexOf(':') >= 0) {
      host = host.substring(0, host.indexOf(':'));
    }
    return hosts.contains(host);
  }

  private static String origin(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    boolean defaultPort =
        port < 0
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme
        + "://"
        + url.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }
}
