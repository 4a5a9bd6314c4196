package dev.integrations.core.port;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.TokenGrant;
import java.net.URI;

/** A provider whose users connect through the OAuth 2.0 authorization-code flow with PKCE. */
public interface OAuthProviderPort extends ProviderPort {

  /**
   * The consent URL for a pending request: client id, the request's exact redirect URI, the
   * integration's scopes, the state, and the S256 challenge of the request's own verifier.
   */
  URI authorizationUrl(AuthorizationRequest request);

  /**
   * Exchanges an authorization code, sending the request's redirect URI and PKCE verifier.
   *
   * @throws dev.integrations.core.error.AuthorizationFailedException when the provider refuses the
   *     code
   */
  TokenGrant exchange(AuthorizationRequest request, String code);

  /**
   * Gets a new access token with the credentials' refresh token.
   *
   * @throws dev.integrations.core.error.InvalidGrantException when the provider answers {@code
   *     invalid_grant}
   * @throws dev.integrations.core.error.ReauthorizationRequiredException when there is no refresh
   *     token
   */
  TokenGrant refresh(Credentials credentials);
}
