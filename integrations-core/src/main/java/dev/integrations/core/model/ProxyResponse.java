package dev.integrations.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the provider's API answered to a proxied call: its status, the headers worth passing back
 * (media type, rate limits, paging) and its body, bounded.
 *
 * @param status the provider's HTTP status
 * @param headers the provider's headers that are passed back
 * @param body the provider's body
 */
public record ProxyResponse(int status, Map<String, List<String>> headers, byte[] body) {
  /** Copies everything. */
  public ProxyResponse {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers")
        .forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = java.util.Collections.unmodifiableMap(copy);
    body = Objects.requireNonNull(body, "body").clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "ProxyResponse[" + status + ", " + body.length + " bytes]";
  }
}
