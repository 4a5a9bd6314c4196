package dev.integrations.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A call to a provider's own API through a user's connection (the proxy): a method, a path below
 * the provider's API root, the caller's headers that may be passed on, and a bounded body.
 *
 * @param method the HTTP method, upper case
 * @param path the path below the provider's API root, with its query; never a URL of its own
 * @param headers headers to pass on (never credentials, cookies or hop-by-hop headers: they are
 *     dropped)
 * @param body the request body, empty when there is none
 * @param contentType the body's media type, null when there is no body
 */
public record ProxyRequest(
    String method,
    String path,
    Map<String, List<String>> headers,
    byte[] body,
    String contentType) {
  /**
   * The headers never passed on to a provider: ours to authenticate with, or the connection's own.
   */
  public static final Set<String> WITHHELD_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "host",
          "content-length",
          "connection",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "upgrade",
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-real-ip",
          "origin",
          "referer");

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  /** Validates the method and the path, drops withheld headers, copies everything. */
  public ProxyRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    method = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "The proxy passes on GET, HEAD, POST, PUT, PATCH and DELETE, not " + method);
    }
    Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach(
          (name, values) -> {
            if (!WITHHELD_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
              kept.put(name, List.copyOf(values));
            }
          });
    }
    headers = java.util.Collections.unmodifiableMap(kept);
    body = body == null ? new byte[0] : body.clone();
  }

  /** Whether repeating the call cannot do anything twice (RFC 9110 section 9.2.2). */
  public boolean idempotent() {
    return !method.equals("POST") && !method.equals("PATCH");
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "ProxyRequest[" + method + " " + path + ", " + body.length + " bytes]";
  }
}
