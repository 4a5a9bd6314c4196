package dev.integrations.core.port;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.TestResult;

/**
 * A provider adapter for one integration. Every adapter is also one of {@link OAuthProviderPort} or
 * {@link BotTokenProviderPort}, and offers actions by implementing capability ports ({@link
 * MailPort}, {@link FilesPort}, {@link MessagingPort}).
 *
 * <p>Implementations are thread-safe. Every remote call has timeouts and bounded retries; failures
 * are reported as {@link dev.integrations.core.error.IntegrationException}s.
 */
public interface ProviderPort {

  /** The catalog entry this adapter serves. */
  Integration integration();

  /**
   * Makes a real, cheap call with the credentials (a profile or identity lookup).
   *
   * @return passed, or failed with a reason when the provider answered "no" for a reason other than
   *     the credentials themselves (a missing scope, say)
   * @throws dev.integrations.core.error.CredentialsRejectedException when the provider refused the
   *     credentials (HTTP 401)
   */
  TestResult test(Credentials credentials);

  /**
   * Asks the provider to revoke the grant. Never throws for a provider failure: the result says so.
   */
  RevocationResult revoke(Credentials credentials);
}
