package dev.integrations.core.service;

import dev.integrations.core.model.Capability;
import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.FilePage;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.FileUpload;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.model.RemoteFile;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.SentMessage;
import dev.integrations.core.model.UploadProgress;
import dev.integrations.core.model.UserId;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.MessagingPort;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.core.service.internal.ConnectionKey;
import dev.integrations.core.service.internal.ProviderRegistry;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Actions through a user's connections: mail, files, messages, and calls to a provider's own API
 * ({@link #proxy}). Each action gets fresh credentials, and when the provider refuses them with a
 * 401 it refreshes once and tries once more, all within one request deadline (see {@link
 * Integrations.Builder#requestDeadline}). Each call is counted in the connection's usage under its
 * action name ({@code send_mail}, {@code search_mail}, {@code list_files}, {@code upload_file},
 * {@code send_message}, {@code proxy}) and recorded in its health, after it ran.
 *
 * <p>Thread-safe.
 */
public final class ActionService {
  private final ProviderRegistry providers;
  private final ConnectionCalls calls;

  ActionService(ProviderRegistry providers, ConnectionCalls calls) {
    this.providers = providers;
    this.calls = calls;
  }

  /**
   * What {@code type} can do, as its provider declares it.
   *
   * @throws dev.integrations.core.error.InvalidRequestException {@code invalid_integration_type}
   *     when the type is not in the catalog
   */
  public Set<Capability> capabilities(IntegrationType type) {
    return providers.provider(type).integration().capabilities();
  }

  /**
   * Checks that {@code type} offers {@code capability} before a caller reads a large input for it
   * (an upload, say). Every action checks this too; a failed check changes nothing.
   *
   * @throws dev.integrations.core.error.UnsupportedCapabilityException {@code
   *     unsupported_capability}, naming what {@code type} offers, when it lacks {@code capability}
   * @throws dev.integrations.core.error.InvalidRequestException {@code invalid_integration_type}
   *     when the type is not in the catalog
   */
  public void requireCapability(IntegrationType type, Capability capability) {
    if (!capabilities(type).contains(capability)) {
      throw providers.unsupported(
          type,
          switch (capability) {
            case MAIL -> "send or search mail";
            case FILES -> "list or upload files";
            case MESSAGES -> "send messages";
          });
    }
  }

  /**
   * Sends an e-mail through the user's {@code type} connection (for example {@code gmail}).
   *
   * <p>Every action below answers {@code unsupported_capability} (an {@link
   * dev.integrations.core.error.UnsupportedCapabilityException} naming what {@code type} offers)
   * when {@code type} lacks the capability, {@code invalid_integration_type} when it is not in the
   * catalog, and {@code not_connected} when the user has no connection to it.
   */
  public SentMail sendMail(UserId user, IntegrationType type, MailMessage message) {
    return through(
        user,
        type,
        Capability.MAIL,
        MailPort.class,
        "send mail",
        "send_mail",
        (mail, c) -> mail.send(c, message));
  }

  /** Searches the user's mailbox. */
  public List<MailSummary> searchMail(UserId user, IntegrationType type, MailQuery query) {
    return through(
        user,
        type,
        Capability.MAIL,
        MailPort.class,
        "search mail",
        "search_mail",
        (mail, c) -> mail.search(c, query));
  }

  /** Lists files in the user's storage. */
  public FilePage listFiles(UserId user, IntegrationType type, FileQuery query) {
    return through(
        user,
        type,
        Capability.FILES,
        FilesPort.class,
        "list files",
        "list_files",
        (files, c) -> files.list(c, query));
  }

  /** Uploads a file, streaming it, with progress reported to {@code progress}. */
  public RemoteFile uploadFile(
      UserId user, IntegrationType type, FileUpload upload, UploadProgress progress) {
    return through(
        user,
        type,
        Capability.FILES,
        FilesPort.class,
        "upload files",
        "upload_file",
        (files, c) -> files.upload(c, upload, progress));
  }

  /**
   * Sends a chat message through the user's {@code type} connection (for example {@code telegram}).
   */
  public SentMessage sendMessage(UserId user, IntegrationType type, ChatMessage message) {
    return through(
        user,
        type,
        Capability.MESSAGES,
        MessagingPort.class,
        "send messages",
        "send_message",
        (chat, c) -> chat.send(c, message));
  }

  /**
   * Calls the provider's own API through the user's {@code type} connection (the proxy): {@code
   * request}'s method and path below the provider's API root, with the connection's fresh
   * credentials in place of any the caller had. The provider's status, selected headers and body
   * come back as they are, errors included; a 401 refreshes the credentials once and repeats the
   * call once.
   *
   * @throws dev.integrations.core.error.InvalidRequestException {@code unsupported_operation} when
   *     the integration's adapter has no proxy, {@code invalid_request} when the path leaves the
   *     API root
   * @throws dev.integrations.core.error.NotConnectedException when the user has no connection to it
   * @throws dev.integrations.core.error.CredentialsRejectedException when the provider refuses the
   *     credentials even after a refresh
   */
  public ProxyResponse proxy(UserId user, IntegrationType type, ProxyRequest request) {
    ProxyPort proxy = providers.proxy(type);
    ProviderPort provider = providers.provider(type);
    ConnectionKey key = new ConnectionKey(user, type);
    return calls.action(key, "proxy", provider, c -> proxy.call(c, request));
  }

  private <P, T> T through(
      UserId user,
      IntegrationType type,
      Capability capability,
      Class<P> port,
      String operation,
      String action,
      Call<P, T> call) {
    P adapter = providers.capability(type, capability, port, operation);
    ProviderPort provider = providers.provider(type);
    Function<Credentials, T> withCredentials = c -> call.apply(adapter, c);
    return calls.action(new ConnectionKey(user, type), action, provider, withCredentials);
  }

  @FunctionalInterface
  private interface Call<P, T> {
    T apply(P port, Credentials credentials);
  }
}
