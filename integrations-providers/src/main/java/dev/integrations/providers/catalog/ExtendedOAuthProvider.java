package dev.integrations.providers.catalog;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.OAuthProviderPort;
import dev.integrations.core.port.ProxyPort;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * An OAuth provider of the generic engine (connect, refresh, revoke, test, proxy) extended with a
 * plug-in's capability ports: mail (Outlook), files (OneDrive, Dropbox), messages (Slack, Teams).
 * It declares only the capabilities whose ports it was given, so the others are never reached.
 * Immutable and thread-safe.
 */
final class ExtendedOAuthProvider
    implements OAuthProviderPort, ProxyPort, MailPort, FilesPort, MessagingPort {
  private final OAuthProviderPort base;
  private final ProxyPort proxy;
  private final CapabilityPorts ports;
  private final Integration integration;

  ExtendedOAuthProvider(CatalogOAuthProvider base, CapabilityPorts ports) {
    this.base = base;
    this.proxy = base;
    this.ports = ports;
    Set<Capability> offered = ports.offered();
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
    return ports.messages().send(credentials, message);
  }

  @Override
  public SentMail send(Credentials credentials, MailMessage message) {
    return ports.mail().send(credentials, message);
  }

  @Override
  public List<MailSummary> search(Credentials credentials, MailQuery query) {
    return ports.mail().search(credentials, query);
  }

  @Override
  public FilePage list(Credentials credentials, FileQuery query) {
    return ports.files().list(credentials, query);
  }

  @Override
  public RemoteFile upload(Credentials credentials, FileUpload upload, UploadProgress progress) {
    return ports.files().upload(credentials, upload, progress);
  }

  @Override
  public String toString() {
    return "ExtendedOAuthProvider[" + integration.type() + ", " + ports + "]";
  }
}
