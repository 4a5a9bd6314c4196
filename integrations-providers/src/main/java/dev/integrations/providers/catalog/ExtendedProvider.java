package dev.integrations.providers.catalog;

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
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.ProxyPort;
import java.util.List;
import java.util.Set;

/**
 * What {@link ExtendedOAuthProvider} and {@link ExtendedTokenProvider} share: the engine's adapter
 * {@code base} for the test, the revocation and the proxy, a plug-in's capability ports for the
 * actions, and an integration that declares the base's capabilities and the ports' (so a capability
 * without a port is never reached). Immutable and thread-safe.
 *
 * @param <B> the engine's adapter: an OAuth or a token provider that is also a proxy
 */
abstract class ExtendedProvider<B extends ProviderPort & ProxyPort>
    implements ProxyPort, MailPort, FilesPort, MessagingPort {
  final B base;
  private final CapabilityPorts ports;
  private final Integration integration;

  ExtendedProvider(B base, CapabilityPorts ports) {
    this.base = base;
    this.ports = ports;
    Set<Capability> offered = ports.offered();
    offered.addAll(base.integration().capabilities());
    this.integration = base.integration().withCapabilities(offered);
  }

  public final Integration integration() {
    return integration;
  }

  public final TestResult test(Credentials credentials) {
    return base.test(credentials);
  }

  public final RevocationResult revoke(Credentials credentials) {
    return base.revoke(credentials);
  }

  @Override
  public final ProxyResponse call(Credentials credentials, ProxyRequest request) {
    return base.call(credentials, request);
  }

  @Override
  public final SentMessage send(Credentials credentials, ChatMessage message) {
    return ports.messages().send(credentials, message);
  }

  @Override
  public final SentMail send(Credentials credentials, MailMessage message) {
    return ports.mail().send(credentials, message);
  }

  @Override
  public final List<MailSummary> search(Credentials credentials, MailQuery query) {
    return ports.mail().search(credentials, query);
  }

  @Override
  public final FilePage list(Credentials credentials, FileQuery query) {
    return ports.files().list(credentials, query);
  }

  @Override
  public final RemoteFile upload(
      Credentials credentials, FileUpload upload, UploadProgress progress) {
    return ports.files().upload(credentials, upload, progress);
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[" + integration.type() + ", " + ports + "]";
  }
}
