package dev.integrations.core.port;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.MailSummary;
import dev.integrations.core.model.SentMail;
import java.util.List;

/**
 * Sends and searches mail. A send is never retried once its request may have reached the provider.
 * Methods throw {@link dev.integrations.core.error.CredentialsRejectedException} on HTTP 401 so
 * that the core can refresh once and retry.
 */
public interface MailPort {
  /** Sends {@code message} from the credentials' mailbox. */
  SentMail send(Credentials credentials, MailMessage message);

  /** Summaries of the messages that match {@code query}. */
  List<MailSummary> search(Credentials credentials, MailQuery query);
}
