package dev.integrations.providers.catalog;

import dev.integrations.core.model.Account;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenConnection;
import dev.integrations.core.port.BotTokenProviderPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProxyPort;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A bot-token or API-key provider of the generic engine (validate with the connection's values,
 * test, proxy) that also sends messages through a plug-in's {@link MessagingPort} (Discord,
 * WhatsApp). Immutable and thread-safe.
 */
final class MessagingTokenProvider implements BotTokenProviderPort, ProxyPort, MessagingPort {
  private final CatalogTokenProvider base;
  private final MessagingPort messages;
  private final Integration integration;

  MessagingTokenProvider(CatalogTokenProvider base, MessagingPort messages) {
    this.base = base;
    this.messages = messages;
    Set<Capability> offered = EnumSet.of(Capability.MESSAGES);
    offered.addAll(base.integration().capabilities());
    this.integration = base.integration().withCapabilities(offered);
  }

  @Override
  public Integration integration() {
    return integration;
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

  @Override
  public TestResult test(Credentials credentials) {
    return base.test(credentials);
  }

  @Override
  public RevocationResult revoke(Credentials credentials) {
    return base.revoke(credentials);
  }

  @Override
  public ProxyResponse call(Credentials credentials, ProxyRequest request) {
    return base.call(credentials, request);
  }

  @Override
  public SentMessage send(Credentials credentials, ChatMessage message) {
    return messages.send(credentials, message);
  }

  @Override
  public String toString() {
    return "MessagingTokenProvider[" + integration.type() + ", " + messages + "]";
  }
}
