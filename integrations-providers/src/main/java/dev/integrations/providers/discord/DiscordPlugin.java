package dev.integrations.providers.discord;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.internal.ApiClient;
import java.util.Map;
import java.util.Set;

/**
 * Discord: the generic engine's bot-token connection ({@code Authorization: Bot <token>}), plus
 * messages to channels paced by Discord's per-route rate-limit buckets ({@link DiscordMessages}).
 * One plug-in per process, so that its buckets see every send.
 */
public final class DiscordPlugin implements ProviderPlugin {
  private static final String DISCORD = "discord";

  @Override
  public Set<String> keys() {
    return Set.of(DISCORD);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    ProviderSpec spec = specs.get(DISCORD);
    DiscordMessages messages =
        new DiscordMessages(spec, new ApiClient(spec, context.http()), new RateLimitBuckets());
    return Map.of(DISCORD, GenericAdapters.withMessaging(spec, null, context.http(), messages));
  }
}
