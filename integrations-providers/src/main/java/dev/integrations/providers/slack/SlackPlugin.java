package dev.integrations.providers.slack;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.internal.ApiClient;
import java.util.Map;
import java.util.Set;

/**
 * Slack: the generic engine's OAuth connection (a user token, {@code chat:write}), plus messages
 * through {@code chat.postMessage} ({@link SlackMessages}).
 */
public final class SlackPlugin implements ProviderPlugin {
  private static final String SLACK = "slack";

  @Override
  public Set<String> keys() {
    return Set.of(SLACK);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    ProviderSpec spec = specs.get(SLACK);
    SlackMessages messages = new SlackMessages(spec.name(), new ApiClient(spec, context.http()));
    return Map.of(
        SLACK,
        GenericAdapters.withMessaging(
            spec, context.client(spec.credentialsGroup()).orElse(null), context.http(), messages));
  }
}
