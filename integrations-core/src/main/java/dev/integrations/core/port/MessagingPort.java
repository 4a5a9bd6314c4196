package dev.integrations.core.port;

import dev.integrations.core.model.ChatMessage;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.SentMessage;

/**
 * Sends chat messages, paced within the provider's limits. A message is never sent twice: a request
 * that may have been delivered is not retried. Throws {@link
 * dev.integrations.core.error.CredentialsRejectedException} when the provider refuses the token.
 */
public interface MessagingPort {
  /** Sends {@code message} with the credentials' bot. */
  SentMessage send(Credentials credentials, ChatMessage message);
}
