package dev.integrations.providers.telegram;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.HttpUrls;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.catalog.ProviderSpec;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's own adapter: bot-token checks, per-chat and per-bot pacing, {@code retry_after}. The
 * Bot API's root is the catalog's {@code base_url}, or {@code TELEGRAM_API_URL} (a self-hosted Bot
 * API server) as it always was.
 */
public final class TelegramPlugin implements ProviderPlugin {
  private static final String TELEGRAM = "telegram";

  @Override
  public Set<String> keys() {
    return Set.of(TELEGRAM);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    String apiUrl =
        HttpUrls.require(
                "TELEGRAM_API_URL",
                context.setting("TELEGRAM_API_URL").orElse(specs.get(TELEGRAM).api().baseUrl()))
            .toString();
    return Map.of(
        TELEGRAM,
        TelegramProviders.builder()
            .apiUrl(apiUrl)
            .catalogEntry(specs.get(TELEGRAM))
            .httpClient(context.http())
            .build()
            .provider());
  }
}
