package dev.integrations.providers.catalog;

import dev.integrations.core.model.ProxyResponse;
import dev.integrations.providers.catalog.internal.ApiClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of a provider's answer headers a proxied call passes back: media type, paging, rate limits.
 */
final class ProxiedAnswers {
  private static final Set<String> PASSED_BACK =
      Set.of("content-type", "retry-after", "link", "etag", "location");
  private static final List<String> PASSED_BACK_PREFIXES =
      List.of("x-ratelimit-", "ratelimit-", "x-rate-limit-");

  private ProxiedAnswers() {}

  static ProxyResponse toResponse(ApiClient.Answer answer) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    answer
        .headers()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (PASSED_BACK.contains(lower)
                  || PASSED_BACK_PREFIXES.stream().anyMatch(lower::startsWith)) {
                headers.put(name, values);
              }
            });
    return new ProxyResponse(answer.status(), headers, answer.body());
  }
}
