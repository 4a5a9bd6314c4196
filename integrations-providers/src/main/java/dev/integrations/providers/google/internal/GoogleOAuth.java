package dev.integrations.providers.google.internal;

import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.json.gson.GsonFactory;
import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.providers.google.internal.GoogleCalls.Repeat;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Google's OAuth 2.0 endpoints for one client: the consent URL (PKCE S256, offline access), the code
 * exchange, the refresh and the revocation (RFC 7009 POST). The client secret, codes and tokens travel
 * only in request bodies, which are never logged.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://developers.google.com/identity/protocols/oauth2/web-server">Google OAuth 2.0
 *     for web server applications</a>
 */
public final class GoogleOAuth {
  private static final String SERVICE = "Google";

  private final String clientId;
  private final Secret clientSecret;
  private final URI authorizationUri;
  private final GenericUrl tokenUrl;
  private final GenericUrl revocationUrl;
  private final HttpTransport transport;
  private final GoogleCalls calls;

  /** Google's OAuth endpoints for one client. */
  public GoogleOAuth(
      String clientId,
      Secret clientSecret,
      URI authorizationUri,
      URI tokenUri,
      URI revocationUri,
      HttpTransport transport,
      GoogleCalls calls) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.authorizationUri = authorizationUri;
    this.tokenUrl = new GenericUrl(tokenUri);
    this.revocationUrl = new GenericUrl(revocationUri);
    this.transport = transport;
    this.calls = calls;
  }

  /** The consent URL of {@code request} for {@code scopes}. */
  public URI authorizationUrl(AuthorizationRequest request, Set<String> scopes) {
    AuthorizationCodeRequestUrl url =
        new AuthorizationCodeRequestUrl(authorizationUri.toString(), clientId)
            .setRedirectUri(request.redirectUri().toString())
            .setScopes(scopes.stream().sorted().toList())
            .setState(request.state().reveal());
    url.set("code_challenge", request.codeChallenge());
    url.set("code_challenge_method", "S256");
    url.set("access_type", "offline");
    url.set("prompt", "consent");
    return URI.create(url.build());
  }

  /**
   * Exchanges an authorization code with the request's redirect URI and PKCE verifier.
   *
   * @throws AuthorizationFailedException when Google refuses the code or cannot be reached
   */
  public TokenGrant exchange(AuthorizationRequest request, String code) {
    TokenRequest exchange =
        new AuthorizationCodeTokenRequest(transport, GsonFactory.getDefaultInstance(), tokenUrl, code)
            .setRedirectUri(request.redirectUri().toString())
            .set("code_verifier", request.codeVerifier().reveal());
    try {
      // A code is single-use: once Google may have consumed it, asking again cannot succeed.
      return grant(calls.run(SERVICE, Repeat.UNSAFE, () -> authenticated(exchange).execute()));
    } catch (AuthorizationFailedException e) {
      throw e;
    } catch (IntegrationException e) {
      boolean refused =
          e.code() == ErrorCode.REAUTHORIZATION_REQUIRED || e.code() == ErrorCode.PROVIDER_REJECTED;
      throw new AuthorizationFailedException(
          refused ? ErrorCode.PROVIDER_REJECTED : e.code(),
          refused ? e.getMessage() : "The authorization code could not be exchanged: " + e.getMessage(),
          request.type(),
          e);
    }
  }

  /**
   * Gets a new access token with the credentials' refresh token.
   *
   * @throws InvalidGrantException when Google answers {@code invalid_grant}
   * @throws ReauthorizationRequiredException when there is no refresh token
   */
  public TokenGrant refresh(Credentials credentials) {
    Secret refreshToken =
        credentials.refreshTokenIfAny()
            .orElseThrow(() -> new ReauthorizationRequiredException(
                "No refresh token is stored for this connection. Connect it again."));
    TokenRequest refresh =
        new RefreshTokenRequest(
            transport, GsonFactory.getDefaultInstance(), tokenUrl, refreshToken.reveal());
    // Repeating a refresh is harmless: Google does not rotate refresh tokens on use.
    return grant(calls.run(SERVICE, Repeat.SAFE, () -> authenticated(refresh).execute()));
  }

  /**
   * Revokes the grant: the refresh token when there is one (which also ends its access tokens),
   * otherwise the access token. Never throws; the result says what happened.
   */
  public RevocationResult revoke(Credentials credentials) {
    Secret token = credentials.refreshTokenIfAny().orElse(credentials.accessToken());
    try {
      calls.run(SERVICE, Repeat.SAFE, () -> postRevocation(token));
      return RevocationResult.succeeded();
    } catch (RuntimeException e) {
      return RevocationResult.failed(
          "Google did not confirm the revocation (" + e.getMessage()
              + "). Remove the access at https://myaccount.google.com/permissions if needed.");
    }
  }

  private Void postRevocation(Secret token) throws IOException {
    HttpRequest post =
        transport
            .createRequestFactory()
            .buildPostRequest(revocationUrl, new UrlEncodedContent(Map.of("token", token.reveal())));
    quiet(post);
    HttpResponse response = post.execute();
    response.disconnect();
    return null;
  }

  private TokenRequest authenticated(TokenRequest request) {
    return request
        .setClientAuthentication(new ClientParametersAuthentication(clientId, clientSecret.reveal()))
        .setRequestInitializer(GoogleOAuth::quiet);
  }

  /** Keeps google-http-client from logging a request whose body holds a secret. */
  public static void quiet(HttpRequest request) {
    request.setLoggingEnabled(false);
    request.setCurlLoggingEnabled(false);
    request.setNumberOfRetries(0);
  }

  private static TokenGrant grant(TokenResponse response) {
    if (response.getAccessToken() == null || response.getAccessToken().isEmpty()) {
      throw new ProviderException(ErrorCode.PROVIDER_ERROR, "Google's token answer had no access_token.");
    }
    Long expiresIn = response.getExpiresInSeconds();
    return new TokenGrant(
        Secret.of(response.getAccessToken()),
        Secret.ofNullable(response.getRefreshToken()),
        expiresIn == null ? null : Duration.ofSeconds(expiresIn),
        scopes(response.getScope()));
  }

  /** The granted scopes; null when the answer omitted {@code scope} (RFC 6749 section 5.1). */
  static Set<String> scopes(String scope) {
    if (scope == null) {
      return null;
    }
    return Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
