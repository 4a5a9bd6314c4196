package dev.integrations.providers.catalog;

import dev.integrations.core.model.Account;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenConnection;
import dev.integrations.core.port.BotTokenProviderPort;
import java.util.Map;

/**
 * A bot-token or API-key provider of the generic engine (validate with the connection's values,
 * test, proxy) extended with a plug-in's capability ports (messages: Discord, WhatsApp). It
 * declares only the capabilities whose ports it was given. Immutable and thread-safe.
 */
final class ExtendedTokenProvider extends ExtendedProvider<CatalogTokenProvider>
    implements BotTokenProviderPort {

  ExtendedTokenProvider(CatalogTokenProvider base, CapabilityPorts ports) {
    super(base, ports);
  }

  @Override
  public Account validate(Secret token) {
    return base.validate(token);
  }

  @Override
  public TokenConnection validate(Secret token, Map<String, String> config) {
    return base.validate(token, config);
  }

  @Override
  public String tokenField() {
    return base.tokenField();
  }
}
