package dev.integrations.providers.teams;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.internal.ApiClient;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft Teams: the generic engine's OAuth connection (the Microsoft client, {@code
 * ChannelMessage.Send} and {@code Chat.ReadWrite}), plus messages to channels and chats through
 * Microsoft Graph ({@link TeamsMessages}).
 */
public final class TeamsPlugin implements ProviderPlugin {
  private static final String TEAMS = "microsoft_teams";

  @Override
  public Set<String> keys() {
    return Set.of(TEAMS);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    ProviderSpec spec = specs.get(TEAMS);
    TeamsMessages messages = new TeamsMessages(spec.name(), new ApiClient(spec, context.http()));
    return Map.of(
        TEAMS,
        GenericAdapters.withMessaging(
            spec, context.client(spec.credentialsGroup()).orElse(null), context.http(), messages));
  }
}
