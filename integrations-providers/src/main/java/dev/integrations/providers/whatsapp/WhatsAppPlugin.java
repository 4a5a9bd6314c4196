package dev.integrations.providers.whatsapp;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.ProviderContext;
import dev.integrations.providers.ProviderPlugin;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.internal.ApiClient;
import java.util.Map;
import java.util.Set;

/**
 * WhatsApp Business (Cloud API): the generic engine's API-key connection (a system-user access
 * token with the connection's {@code phone_number_id}, verified with {@code GET /{phone_number_id}}
 * before anything is stored), plus text messages from that number ({@link WhatsAppMessages}).
 */
public final class WhatsAppPlugin implements ProviderPlugin {
  private static final String WHATSAPP = "whatsapp";

  @Override
  public Set<String> keys() {
    return Set.of(WHATSAPP);
  }

  @Override
  public Map<String, ProviderPort> adapters(
      Map<String, ProviderSpec> specs, ProviderContext context) {
    ProviderSpec spec = specs.get(WHATSAPP);
    WhatsAppMessages messages = new WhatsAppMessages(spec, new ApiClient(spec, context.http()));
    return Map.of(WHATSAPP, GenericAdapters.withMessaging(spec, null, context.http(), messages));
  }
}
