package dev.integrations.providers.oauth2;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.integrations.core.error.AuthorizationFailedException;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.InvalidGrantException;
import dev.integrations.core.error.ProviderException;
import dev.integrations.core.error.ReauthorizationRequiredException;
import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.TokenGrant;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.catalog.ProviderSpec.ClientAuth;
import dev.integrations.providers.catalog.ProviderSpec.OAuthSettings;
import dev.integrations.providers.internal.Retrier;
import dev.integrations.providers.internal.RetryRule;
import dev.integrations.providers.oauth2.internal.EndpointCall;
import dev.integrations.providers.oauth2.internal.TokenAnswer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * The OAuth 2.0 authorization-code flow for one catalog provider, as the catalog describes it: the
 * consent URL (PKCE S256 with the request's own verifier, RFC 7636), the code exchange and the
 * refresh (RFC 6749, client authentication in the body or by HTTP Basic, form or JSON requests,
 * answers read at the catalog's paths), and revocation (RFC 7009, a bearer-authenticated POST, or
 * Google's POST of the token alone). Requests are built with the Nimbus OAuth 2.0 SDK and sent on
 * the shared OkHttp client, with the providers' one {@link Retrier} and within the current request
 * deadline.
 *
 * <p>Immutable and thread-safe.
 */
public final class OAuth2Client {
  private static final Set<String> REFUSED_GRANT =
      Set.of(
          "invalid_grant",
          "invalid_refresh_token",
          "token_revoked",
          "token_expired",
          "invalid_token");

  private final String provider;
  private final IntegrationType type;
  private final OAuthSettings oauth;
  private final ClientCredentials client;
  private final EndpointCall endpoint;
  private final Retrier retrier;
  private final boolean refreshRepeatable;

  private OAuth2Client(
      ProviderSpec spec,
      ClientCredentials client,
      OkHttpClient http,
      RetrySettings retries,
      boolean refreshRepeatable) {
    if (spec.oauth() == null) {
      throw new IllegalArgumentException(spec.key() + " is not an OAuth 2.0 provider");
    }
    this.provider = spec.name();
    this.type = IntegrationType.of(spec.key());
    this.oauth = spec.oauth();
    this.client = client;
    this.endpoint = new EndpointCall(http, spec.name());
    this.retrier = new Retrier(retries);
    this.refreshRepeatable = refreshRepeatable;
  }

  /**
   * The flow of {@code spec} (placeholders already filled) for {@code client}, on {@code http},
   * with the {@linkplain RetrySettings#defaults() default retries}, for a provider that may rotate
   * refresh tokens.
   */
  public static OAuth2Client of(ProviderSpec spec, ClientCredentials client, OkHttpClient http) {
    return of(spec, client, http, RetrySettings.defaults(), false);
  }

  /**
   * The flow of {@code spec} for {@code client}, on {@code http}, retried as {@code retries} say.
   * Any call is repeated after a 429 (waiting out its {@code Retry-After}) and when its connection
   * failed before the request went out; a refresh and a revocation also after a 5xx. A code
   * exchange is never repeated once sent: a code is single-use. A refresh whose request may have
   * arrived (a timeout, a connection reset) is repeated only when {@code refreshRepeatable}: a
   * provider that rotates refresh tokens may have consumed the old one, and presenting it again can
   * end the whole grant (reuse detection); Google does not rotate them.
   */
  public static OAuth2Client of(
      ProviderSpec spec,
      ClientCredentials client,
      OkHttpClient http,
      RetrySettings retries,
      boolean refreshRepeatable) {
    return new OAuth2Client(spec, client, http, retries, refreshRepeatable);
  }

  /**
   * The consent URL of {@code request}: client id, exact redirect URI, scopes, state and PKCE
   * challenge.
   */
  public URI authorizationUrl(AuthorizationRequest request) {
    com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder url =
        new com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder(
                ResponseType.CODE, new ClientID(client.clientId()))
            .endpointURI(URI.create(oauth.authorizationUrl()))
            .redirectionURI(request.redirectUri())
            .state(new State(request.state().reveal()));
    if (oauth.pkce()) {
      url.codeChallenge(
          new CodeVerifier(request.codeVerifier().reveal()), CodeChallengeMethod.S256);
    }
    List<String> scopes =
        Stream.concat(oauth.scopes().stream(), oauth.optionalScopes().stream()).toList();
    if (!scopes.isEmpty()) {
      url.customParameter(oauth.scopeParam(), String.join(oauth.scopeSeparator(), scopes));
    }
    oauth.authorizationParams().forEach((name, value) -> url.customParameter(name, value));
    return url.build().toURI();
  }

  /**
   * Exchanges an authorization code, sending the request's redirect URI and PKCE verifier. Never
   * repeated: a code is single-use.
   *
   * @throws AuthorizationFailedException when the provider refuses the code or cannot be reached
   */
  public TokenGrant exchange(AuthorizationRequest request, String code) {
    CodeVerifier verifier = oauth.pkce() ? new CodeVerifier(request.codeVerifier().reveal()) : null;
    AuthorizationGrant grant =
        new AuthorizationCodeGrant(new AuthorizationCode(code), request.redirectUri(), verifier);
    EndpointCall.Reply reply;
    try {
      reply = send(tokenRequest(grant).toHTTPRequest(), false, false);
    } catch (ProviderException e) {
      throw new AuthorizationFailedException(
          e.code(), "The authorization code could not be exchanged: " + e.getMessage(), type, e);
    }
    TokenAnswer answer = TokenAnswer.parse(reply.contentType(), reply.body());
    if (reply.ok() && answer.error() == null) {
      return answer.grant(oauth.tokenResponse(), oauth.scopeSeparator(), provider);
    }
    if (reply.status() >= 500) {
      throw new AuthorizationFailedException(
          ErrorCode.PROVIDER_ERROR,
          provider + " failed to exchange the authorization code (HTTP " + reply.status() + ").",
          type);
    }
    throw new AuthorizationFailedException(
        ErrorCode.PROVIDER_REJECTED,
        provider + " refused the authorization code: " + describe(answer, reply) + ".",
        type);
  }

  /**
   * Gets a new access token with the credentials' refresh token.
   *
   * @throws InvalidGrantException when the provider refuses the grant ({@code invalid_grant} and
   *     the like)
   * @throws ReauthorizationRequiredException when there is no refresh token
   * @throws ProviderException when the provider fails or cannot be reached
   */
  public TokenGrant refresh(Credentials credentials) {
    Secret refreshToken =
        credentials
            .refreshTokenIfAny()
            .orElseThrow(
                () ->
                    new ReauthorizationRequiredException(
                        provider
                            + " gave no refresh token for this connection. Connect it again."));
    EndpointCall.Reply reply =
        send(
            tokenRequest(new RefreshTokenGrant(new RefreshToken(refreshToken.reveal())))
                .toHTTPRequest(),
            true,
            refreshRepeatable);
    TokenAnswer answer = TokenAnswer.parse(reply.contentType(), reply.body());
    if (reply.ok() && answer.error() == null) {
      return answer.grant(oauth.tokenResponse(), oauth.scopeSeparator(), provider);
    }
    if (answer.error() != null && REFUSED_GRANT.contains(answer.error())) {
      throw new InvalidGrantException(
          provider + " no longer accepts this connection (" + describe(answer, reply) + ").");
    }
    if (reply.status() == 429) {
      throw new ProviderException(
          ErrorCode.RATE_LIMITED,
          provider + " is rate limiting refreshes.",
          reply.retryAfter(),
          null);
    }
    if (reply.status() >= 500 || reply.ok()) {
      throw new ProviderException(
          ErrorCode.PROVIDER_ERROR,
          provider + " failed to refresh the token: " + describe(answer, reply) + ".");
    }
    throw new ProviderException(
        ErrorCode.PROVIDER_REJECTED,
        provider + " refused the refresh: " + describe(answer, reply) + ".");
  }

  /**
   * Asks the provider to end the grant: the refresh token when there is one, otherwise the access
   * token. Never throws; the result says what happened, and a provider without revocation is told
   * apart.
   */
  public RevocationResult revoke(Credentials credentials) {
    if (oauth.revocationUrl() == null) {
      return new RevocationResult(
          false,
          false,
          provider
              + " offers no revocation: the tokens were forgotten here,"
              + " not revoked. Remove the app's access in your "
              + provider
              + " account settings if needed.");
    }
    try {
      EndpointCall.Reply reply =
          switch (oauth.revocationStyle()) {
            case BEARER ->
                retrier.run(
                    provider,
                    rule(true, true),
                    () ->
                        endpoint.postWithBearer(
                            oauth.revocationUrl(), credentials.accessToken().reveal()));
            case RFC7009 -> send(rfc7009(credentials).toHTTPRequest(), true, true);
            case TOKEN -> send(tokenOnly(credentials), true, true);
          };
      TokenAnswer answer = TokenAnswer.parse(reply.contentType(), reply.body());
      if (reply.ok() && answer.error() == null) {
        return RevocationResult.succeeded();
      }
      return RevocationResult.failed(
          provider + " did not confirm the revocation (" + describe(answer, reply) + ").");
    } catch (ProviderException e) {
      return RevocationResult.failed(
          provider + " did not confirm the revocation (" + e.getMessage() + ").");
    }
  }

  private EndpointCall.Reply send(HTTPRequest request, boolean after5xx, boolean afterSent) {
    return retrier.run(
        provider,
        rule(after5xx, afterSent),
        () -> endpoint.send(request, oauth.tokenRequestFormat()));
  }

  /**
   * Repeats a call after a 429, after a connection that failed before the request went out, after a
   * 5xx when {@code after5xx}, and after any other network failure when {@code afterSent}.
   */
  private static RetryRule<EndpointCall.Reply> rule(boolean after5xx, boolean afterSent) {
    return new RetryRule<>() {
      @Override
      public Verdict afterFailure(Exception failure) {
        boolean network =
            failure instanceof ProviderException && failure.getCause() instanceof IOException;
        boolean neverSent =
            failure.getCause() instanceof ConnectException
                || failure.getCause() instanceof UnknownHostException;
        return network && (neverSent || afterSent) ? Verdict.RETRY : Verdict.FINAL;
      }

      @Override
      public Verdict afterResult(EndpointCall.Reply reply) {
        boolean retry = reply.status() == 429 || (after5xx && reply.status() >= 500);
        return retry ? Verdict.retryAfter(reply.retryAfter()) : Verdict.FINAL;
      }
    };
  }

  private HTTPRequest tokenOnly(Credentials credentials) {
    Secret token = credentials.refreshTokenIfAny().orElse(credentials.accessToken());
    HTTPRequest request =
        new HTTPRequest(HTTPRequest.Method.POST, URI.create(oauth.revocationUrl()));
    request.setEntityContentType(ContentType.APPLICATION_URLENCODED);
    request.setBody(URLUtils.serializeParameters(Map.of("token", List.of(token.reveal()))));
    return request;
  }

  private TokenRevocationRequest rfc7009(Credentials credentials) {
    Token token =
        credentials
            .refreshTokenIfAny()
            .<Token>map(refresh -> new RefreshToken(refresh.reveal()))
            .orElseGet(() -> new BearerAccessToken(credentials.accessToken().reveal()));
    return new TokenRevocationRequest(
        URI.create(oauth.revocationUrl()), clientAuthentication(), token);
  }

  private TokenRequest tokenRequest(AuthorizationGrant grant) {
    Map<String, List<String>> extra = new LinkedHashMap<>();
    oauth.tokenParams().forEach((name, value) -> extra.put(name, List.of(value)));
    return new TokenRequest(
        URI.create(oauth.tokenUrl()), clientAuthentication(), grant, null, null, extra);
  }

  private ClientAuthentication clientAuthentication() {
    ClientID id = new ClientID(client.clientId());
    com.nimbusds.oauth2.sdk.auth.Secret secret =
        new com.nimbusds.oauth2.sdk.auth.Secret(client.clientSecret().reveal());
    return oauth.clientAuth() == ClientAuth.BASIC
        ? new ClientSecretBasic(id, secret)
        : new ClientSecretPost(id, secret);
  }

  private static String describe(TokenAnswer answer, EndpointCall.Reply reply) {
    String error = answer.error();
    if (error == null) {
      return "HTTP " + reply.status();
    }
    String description = answer.errorDescription();
    return description == null ? error : error + ": " + description;
  }
}
