package dev.integrations.providers.catalog;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProxyPort;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * An OAuth provider of the generic engine (connect, refresh, revoke, test, proxy) that also sends
 * messages through a plug-in's {@link MessagingPort} (Slack, Teams). Immutable and thread-safe.
 */
final class MessagingOAuthProvider implements OAuthProviderPort, ProxyPort, MessagingPort {
  private final OAuthProviderPort base;
  private final ProxyPort proxy;
  private final MessagingPort messages;
  private final Integration integration;

  MessagingOAuthProvider(CatalogOAuthProvider base, MessagingPort messages) {
    this.base = base;
    this.proxy = base;
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
  public URI authorizationUrl(AuthorizationRequest request) {
    return base.authorizationUrl(request);
  }

  @Override
  public TokenGrant exchange(AuthorizationRequest request, String code) {
    return base.exchange(request, code);
  }

  @Override
  public TokenGrant refresh(Credentials credentials) {
    return base.refresh(credentials);
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
    return proxy.call(credentials, request);
  }

  @Override
  public SentMessage send(Credentials credentials, ChatMessage message) {
    return messages.send(credentials, message);
  }

  @Override
  public String toString() {
    return "MessagingOAuthProvider[" + integration.type() + ", " + messages + "]";
  }
}
