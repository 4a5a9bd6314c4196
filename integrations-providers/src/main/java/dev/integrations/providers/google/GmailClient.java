package dev.integrations.providers.google;

import com.google.api.client.http.HttpResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Profile;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.model.Account;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.SentMail;
import dev.integrations.core.model.TestResult;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.google.internal.BoundedParallel;
import dev.integrations.providers.google.internal.GoogleCalls.Repeat;
import dev.integrations.providers.google.internal.MimeMessages;
import dev.integrations.providers.oauth2.OAuth2Client;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Gmail adapter: OAuth through Google, connection test with {@code users.getProfile}, send with
 * {@code users.messages.send}, search with {@code users.messages.list} and {@code get}.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://developers.google.com/gmail/api/reference/rest">Gmail API reference</a>
 */
final class GmailClient extends GoogleOAuthClient implements MailPort {
  private static final String SERVICE = "Gmail";
  private static final String ME = "me";
  private static final List<String> SUMMARY_HEADERS = List.of("From", "Subject", "Date");
  private static final int FETCH_PARALLELISM = 8;

  GmailClient(GoogleSetup setup, OAuth2Client oauth, ProxyPort proxy) {
    super(setup, GoogleCatalog.GMAIL, oauth, proxy);
  }

  /**
   * Reads the mailbox profile:
   * https://developers.google.com/gmail/api/reference/rest/v1/users/getProfile
   */
  @Override
  public TestResult test(Credentials credentials) {
    Gmail gmail = setup.require().apis().gmail(credentials);
    Profile profile =
        setup
            .calls()
            .run(
                SERVICE,
                Repeat.SAFE,
                () -> gmail.users().getProfile(ME).setFields("emailAddress").execute());
    String email = Objects.requireNonNullElse(profile.getEmailAddress(), "unknown");
    return TestResult.passed("Connected to Gmail as " + email + ".", new Account(email, email));
  }

  /**
   * Sends one message:
   * https://developers.google.com/gmail/api/reference/rest/v1/users.messages/send
   */
  @Override
  public SentMail send(Credentials credentials, MailMessage message) {
    Gmail gmail = setup.require().apis().gmail(credentials);
    Message raw = new Message().encodeRaw(MimeMessages.toBytes(message));
    // Never repeated once the request may have reached Gmail: a mail must not be sent twice.
    Message sent =
        setup
            .calls()
            .run(
                SERVICE,
                Repeat.UNSAFE,
                () -> gmail.users().messages().send(ME, raw).setFields("id,threadId").execute());
    return new SentMail(sent.getId(), sent.getThreadId());
  }

  /**
   * Lists matching messages, then reads each one's metadata, a few at a time:
   * https://developers.google.com/gmail/api/reference/rest/v1/users.messages/list
   */
  @Override
  public List<MailSummary> search(Credentials credentials, MailQuery query) {
    Gmail gmail = setup.require().apis().gmail(credentials);
    ListMessagesResponse listed =
        setup
            .calls()
            .run(
                SERVICE,
                Repeat.SAFE,
                () -> {
                  Gmail.Users.Messages.List list =
                      gmail
                          .users()
                          .messages()
                          .list(ME)
                          .setMaxResults((long) query.maxResults())
                          .setFields("messages(id)");
                  if (!query.query().isBlank()) {
                    list.setQ(query.query());
                  }
                  return list.execute();
                });
    if (listed.getMessages() == null) {
      return List.of();
    }
    List<String> ids = listed.getMessages().stream().map(Message::getId).toList();
    return BoundedParallel.map(ids, FETCH_PARALLELISM, id -> summary(gmail, id)).stream()
        .filter(Objects::nonNull)
        .toList();
  }

  /** One message's metadata, or null when it was deleted since the listing. */
  private MailSummary summary(Gmail gmail, String id) {
    Message message;
    try {
      message =
          setup
              .calls()
              .run(
                  SERVICE,
                  Repeat.SAFE,
                  () ->
                      gmail
                          .users()
                          .messages()
                          .get(ME, id)
                          .setFormat("metadata")
                          .setMetadataHeaders(SUMMARY_HEADERS)
                          .setFields("id,threadId,snippet,internalDate,payload/headers")
                          .execute());
    } catch (ProviderException e) {
      if (e.getCause() instanceof HttpResponseException answer && answer.getStatusCode() == 404) {
        return null;
      }
      throw e;
    }
    return new MailSummary(
        message.getId(),
        message.getThreadId(),
        header(message, "From"),
        header(message, "Subject"),
        message.getSnippet(),
        message.getInternalDate() == null ? null : Instant.ofEpochMilli(message.getInternalDate()));
  }

  private static String header(Message message, String name) {
    if (message.getPayload() == null || message.getPayload().getHeaders() == null) {
      return null;
    }
    return message.getPayload().getHeaders().stream()
        .filter(h -> name.equalsIgnoreCase(h.getName()))
        .map(MessagePartHeader::getValue)
        .findFirst()
        .orElse(null);
  }
}
