package dev.integrations.core.port;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;

/**
 * Calls the provider's own API with a connection's credentials, at the provider's API root and
 * nowhere else. The provider's status and body come back as they are, except a 401, which throws
 * {@link dev.integrations.core.error.CredentialsRejectedException} so that the credentials are
 * refreshed once and the call made once more. Calls that are not idempotent are repeated only when
 * the provider proved it turned them away (429).
 */
public interface ProxyPort {
  /** Makes {@code request} with {@code credentials}. */
  ProxyResponse call(Credentials credentials, ProxyRequest request);
}
