package dev.integrations.providers.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One provider as the catalog describes it, validated: what the page shows, how a user connects,
 * how its API is called and verified, and what it can do. Immutable.
 *
 * @param key the integration type ({@code lower_snake_case})
 * @param name the card title
 * @param description one sentence for the user
 * @param icon an icon name the page knows (unknown names get a generic one)
 * @param auth how a user connects
 * @param credentialsGroup the client credentials group: {@code <GROUP>_CLIENT_ID} / {@code
 *     _CLIENT_SECRET}, shared by the entries of one provider client (Gmail and Drive: {@code
 *     google})
 * @param oauth the OAuth 2.0 settings; null unless {@code auth} is {@link AuthKind#OAUTH2}
 * @param api where and how the provider's API is called
 * @param verify the cheap call that tests a connection and names its account
 * @param capabilities what the provider can do: {@code mail}, {@code files}, {@code messages}
 * @param connectionConfig values asked for at connect, by name (a WhatsApp phone number id)
 */
public record ProviderSpec(
    String key,
    String name,
    String description,
    String icon,
    AuthKind auth,
    String credentialsGroup,
    OAuthSettings oauth,
    ApiSettings api,
    VerifyCall verify,
    Set<String> capabilities,
    Map<String, ConfigField> connectionConfig) {
  /** Requires every field but {@code oauth}; copies the collections. */
  public ProviderSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(credentialsGroup, "credentialsGroup");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(verify, "verify");
    capabilities = Set.copyOf(capabilities);
    connectionConfig = Map.copyOf(connectionConfig);
    if ((auth == AuthKind.OAUTH2) != (oauth != null)) {
      throw new IllegalArgumentException("OAuth settings go with auth: oauth2, and only with it");
    }
  }

  /**
   * This entry with its API at {@code baseUrl}: a plug-in's own setting that moves the API (a local
   * server, a self-hosted Bot API server), everything else as the catalog says.
   */
  public ProviderSpec withBaseUrl(String baseUrl) {
    return new ProviderSpec(
        key,
        name,
        description,
        icon,
        auth,
        credentialsGroup,
        oauth,
        new ApiSettings(
            baseUrl,
            api.credentialIn(),
            api.credentialName(),
            api.credentialFormat(),
            api.headers(),
            api.contentUrl()),
        verify,
        capabilities,
        connectionConfig);
  }

  /**
   * This {@code oauth2} entry with other OAuth endpoints, each kept as the catalog says when null:
   * a plug-in's own settings that move them ({@code GOOGLE_TOKEN_URI}…).
   */
  public ProviderSpec withOAuthEndpoints(
      String authorizationUrl, String tokenUrl, String revocationUrl) {
    if (oauth == null) {
      throw new IllegalStateException(key + " is not an OAuth 2.0 provider");
    }
    OAuthSettings moved =
        new OAuthSettings(
            authorizationUrl != null ? authorizationUrl : oauth.authorizationUrl(),
            tokenUrl != null ? tokenUrl : oauth.tokenUrl(),
            revocationUrl != null ? revocationUrl : oauth.revocationUrl(),
            oauth.revocationStyle(),
            oauth.pkce(),
            oauth.clientAuth(),
            oauth.tokenRequestFormat(),
            oauth.scopeSeparator(),
            oauth.scopeParam(),
            oauth.scopes(),
            oauth.optionalScopes(),
            oauth.authorizationParams(),
            oauth.tokenParams(),
            oauth.urlParams(),
            oauth.tokenResponse());
    return new ProviderSpec(
        key,
        name,
        description,
        icon,
        auth,
        credentialsGroup,
        moved,
        api,
        verify,
        capabilities,
        connectionConfig);
  }

  /**
   * The OAuth 2.0 settings of an {@code oauth2} entry.
   *
   * @param authorizationUrl the consent endpoint; may hold {@code {placeholders}} of {@code
   *     urlParams}
   * @param tokenUrl the token endpoint; may hold placeholders
   * @param revocationUrl the revocation endpoint, null when the provider has none
   * @param revocationStyle how the revocation endpoint is asked
   * @param pkce whether to send an S256 code challenge
   * @param clientAuth how the client authenticates at the token endpoint
   * @param tokenRequestFormat how token requests are encoded
   * @param scopeSeparator what joins scopes in the consent URL (answers are split on it, commas and
   *     spaces)
   * @param scopeParam the consent-URL parameter that carries the scopes ({@code scope}; Slack's
   *     user token: {@code user_scope})
   * @param scopes the scopes the integration needs: a grant without one of them is {@code
   *     missing_scopes}
   * @param optionalScopes scopes requested too but never required (Microsoft's {@code
   *     offline_access}, which its token answers do not list)
   * @param authorizationParams extra consent-URL parameters
   * @param tokenParams extra token-request fields
   * @param urlParams placeholder defaults ({@code tenant: common}); {@code <GROUP>_<NAME>}
   *     overrides them
   * @param tokenResponse where in the token answer each value is (dotted paths)
   */
  public record OAuthSettings(
      String authorizationUrl,
      String tokenUrl,
      String revocationUrl,
      RevocationStyle revocationStyle,
      boolean pkce,
      ClientAuth clientAuth,
      RequestFormat tokenRequestFormat,
      String scopeSeparator,
      String scopeParam,
      List<String> scopes,
      List<String> optionalScopes,
      Map<String, String> authorizationParams,
      Map<String, String> tokenParams,
      Map<String, String> urlParams,
      TokenResponsePaths tokenResponse) {
    /** Requires the endpoints and the enums; copies the collections. */
    public OAuthSettings {
      Objects.requireNonNull(authorizationUrl, "authorizationUrl");
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      Objects.requireNonNull(clientAuth, "clientAuth");
      Objects.requireNonNull(tokenRequestFormat, "tokenRequestFormat");
      Objects.requireNonNull(scopeSeparator, "scopeSeparator");
      Objects.requireNonNull(scopeParam, "scopeParam");
      Objects.requireNonNull(revocationStyle, "revocationStyle");
      Objects.requireNonNull(tokenResponse, "tokenResponse");
      scopes = List.copyOf(scopes);
      optionalScopes = List.copyOf(optionalScopes);
      authorizationParams = Map.copyOf(authorizationParams);
      tokenParams = Map.copyOf(tokenParams);
      urlParams = Map.copyOf(urlParams);
    }
  }

  /** How a provider's revocation endpoint is asked to end a grant. */
  public enum RevocationStyle {
    /**
     * RFC 7009: a POST with {@code token} (the refresh token when there is one), client
     * authentication and encoding as for the token endpoint.
     */
    RFC7009,
    /** A POST that carries the access token as {@code Authorization: Bearer} (Slack, Dropbox). */
    BEARER,
    /**
     * A form POST of {@code token} alone (the refresh token when there is one), without client
     * authentication: Google's, which needs none, so the client secret is not sent where it is not
     * needed.
     */
    TOKEN
  }

  /** How the client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
  public enum ClientAuth {
    /** {@code client_id} and {@code client_secret} in the request body. */
    BODY,
    /** HTTP Basic with the client id and secret. */
    BASIC
  }

  /** How a token request is encoded. */
  public enum RequestFormat {
    /** {@code application/x-www-form-urlencoded}, as RFC 6749 says. */
    FORM,
    /** A JSON object (Notion). */
    JSON
  }

  /**
   * Dotted paths into the token answer.
   *
   * @param accessToken the access token ({@code access_token}; Slack's user token: {@code
   *     authed_user.access_token})
   * @param refreshToken the refresh token ({@code refresh_token})
   * @param expiresIn the lifetime in seconds ({@code expires_in})
   * @param scope the granted scopes ({@code scope})
   */
  public record TokenResponsePaths(
      String accessToken, String refreshToken, String expiresIn, String scope) {
    /** RFC 6749 section 5.1's names. */
    public static final TokenResponsePaths STANDARD =
        new TokenResponsePaths("access_token", "refresh_token", "expires_in", "scope");
  }

  /**
   * Where the provider's API is and how a request carries the credential.
   *
   * @param baseUrl the root of the proxy and the actions; may hold placeholders
   * @param credentialIn where the credential goes: {@code header}, {@code query} or {@code path}
   * @param credentialName the header or query parameter name (unused for {@code path})
   * @param credentialFormat the value, with {@code {token}} where the token goes ({@code Bearer
   *     {token}})
   * @param headers headers every API request carries ({@code Notion-Version})
   * @param contentUrl a second API root on another host, for providers that take file contents
   *     there (Dropbox's {@code content.dropboxapi.com}); null when the provider has one host. May
   *     hold placeholders. The proxy never calls it.
   */
  public record ApiSettings(
      String baseUrl,
      String credentialIn,
      String credentialName,
      String credentialFormat,
      Map<String, String> headers,
      String contentUrl) {
    /** Requires the base URL and the credential's placement; copies the headers. */
    public ApiSettings {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(credentialIn, "credentialIn");
      Objects.requireNonNull(credentialFormat, "credentialFormat");
      headers = Map.copyOf(headers);
    }

    /** Settings of a provider whose API has one host. */
    public ApiSettings(
        String baseUrl,
        String credentialIn,
        String credentialName,
        String credentialFormat,
        Map<String, String> headers) {
      this(baseUrl, credentialIn, credentialName, credentialFormat, headers, null);
    }
  }

  /**
   * The call that tests a connection.
   *
   * @param method {@code GET} or {@code POST}
   * @param path below the API's base URL, starting with {@code /}
   * @param success a dotted path that must be {@code true} in the answer, null when a 2xx is enough
   * @param accountId a dotted path to the account's stable id, null when the answer has none
   * @param accountName a dotted path to a name a person recognises, null when the answer has none
   */
  public record VerifyCall(
      String method, String path, String success, String accountId, String accountName) {
    /** Requires the method and the path. */
    public VerifyCall {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * A value asked for at connect.
   *
   * @param required whether connect is refused without it
   * @param description what it is, for the user
   */
  public record ConfigField(boolean required, String description) {}
}
