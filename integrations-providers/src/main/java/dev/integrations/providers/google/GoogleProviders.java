package dev.integrations.providers.google;

import com.google.api.client.googleapis.media.MediaHttpUploader;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderCatalog;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.google.internal.GoogleApis;
import dev.integrations.providers.google.internal.GoogleCalls;
import dev.integrations.providers.google.internal.OkHttpTransport;
import dev.integrations.providers.oauth2.ClientCredentials;
import dev.integrations.providers.oauth2.OAuth2Client;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The Google integrations, {@code gmail} and {@code google_drive}: two provider adapters that share
 * one Google OAuth client, one HTTP client and one {@link RetrySettings}, each with its own
 * connections and tokens.
 *
 * <pre>{@code
 * GoogleProviders google = GoogleProviders.builder()
 *     .clientId(System.getenv("GOOGLE_CLIENT_ID"))
 *     .clientSecret(Secret.ofNullable(System.getenv("GOOGLE_CLIENT_SECRET")))
 *     .httpClient(sharedOkHttpClient)
 *     .build();
 * Integrations integrations = Integrations.builder()
 *     .provider(google.gmail(), google.drive())
 *     // stores, redirect URI…
 *     .build();
 * }</pre>
 *
 * <p>Without a client id and secret the adapters still show their catalog entries, and every call
 * fails with a {@link dev.integrations.core.error.NotConfiguredException} that says what to set.
 *
 * <p>Immutable and thread-safe.
 */
public final class GoogleProviders {
  /** Google's authorization endpoint. */
  public static final URI DEFAULT_AUTHORIZATION_URI =
      URI.create("https://accounts.google.com/o/oauth2/v2/auth");

  /** Google's token endpoint. */
  public static final URI DEFAULT_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");

  /** Google's revocation endpoint (RFC 7009, POST only). */
  public static final URI DEFAULT_REVOCATION_URI =
      URI.create("https://oauth2.googleapis.com/revoke");

  private final GmailClient gmail;
  private final DriveClient drive;
  private final boolean configured;

  private GoogleProviders(GoogleSetup setup, Flow gmailFlow, Flow driveFlow) {
    this.gmail = new GmailClient(setup, gmailFlow.oauth(), gmailFlow.proxy());
    this.drive = new DriveClient(setup, driveFlow.oauth(), driveFlow.proxy());
    this.configured = setup.configured();
  }

  /**
   * A builder with Google's real endpoints, 10 s connect and 30 s read timeouts, and the providers'
   * {@linkplain RetrySettings#defaults() default retries}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Google integrations without an OAuth client: listed in the catalog, unusable until configured.
   */
  public static GoogleProviders notConfigured() {
    return new GoogleProviders(GoogleSetup.NOT_CONFIGURED, Flow.NONE, Flow.NONE);
  }

  /** Whether an OAuth client id and secret were given. */
  public boolean isConfigured() {
    return configured;
  }

  /**
   * The {@code gmail} adapter; also an {@link dev.integrations.core.port.OAuthProviderPort}, a
   * {@link dev.integrations.core.port.MailPort} and a {@link ProxyPort} to the Gmail API.
   */
  public ProviderPort gmail() {
    return gmail;
  }

  /**
   * The {@code google_drive} adapter; also an {@link dev.integrations.core.port.OAuthProviderPort},
   * a {@link dev.integrations.core.port.FilesPort} and a {@link ProxyPort} to the Drive API.
   */
  public ProviderPort drive() {
    return drive;
  }

  /** One integration's OAuth flow and API proxy; both null when Google is not configured. */
  private record Flow(OAuth2Client oauth, ProxyPort proxy) {
    static final Flow NONE = new Flow(null, null);
  }

  /** Configures {@link GoogleProviders}. Not thread-safe; {@link #build()} copies what it needs. */
  public static final class Builder {
    private String clientId;
    private Secret clientSecret;
    private URI authorizationUri;
    private URI tokenUri;
    private URI revocationUri;
    private String apiRootUrl;
    private OkHttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private RetrySettings retries = RetrySettings.defaults();
    private int uploadChunkSize = 8 * 1024 * 1024;
    private ProviderSpec gmailSpec;
    private ProviderSpec driveSpec;

    private Builder() {}

    /**
     * The catalog entries whose OAuth settings and API the adapters use (null: the bundled one);
     * for the plug-in. An endpoint set on this builder replaces the entry's.
     */
    Builder catalogEntries(ProviderSpec gmail, ProviderSpec drive) {
      this.gmailSpec = gmail;
      this.driveSpec = drive;
      return this;
    }

    /**
     * The OAuth client id ({@code GOOGLE_CLIENT_ID}); null or blank leaves Google not configured.
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
      return this;
    }

    /** The OAuth client secret ({@code GOOGLE_CLIENT_SECRET}); required with a client id. */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * The authorization endpoint ({@code GOOGLE_AUTH_URI}); default the catalog entry's, {@link
     * #DEFAULT_AUTHORIZATION_URI} in the bundled catalog.
     */
    public Builder authorizationUri(URI uri) {
      this.authorizationUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * The token endpoint ({@code GOOGLE_TOKEN_URI}); default the catalog entry's, {@link
     * #DEFAULT_TOKEN_URI}.
     */
    public Builder tokenUri(URI uri) {
      this.tokenUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * The revocation endpoint ({@code GOOGLE_REVOKE_URI}); default the catalog entry's, {@link
     * #DEFAULT_REVOCATION_URI}.
     */
    public Builder revocationUri(URI uri) {
      this.revocationUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * One root URL for the Gmail and Drive APIs ({@code GOOGLE_API_ROOT_URL}), such as a local test
     * server; null (the default) keeps each client library's own.
     */
    public Builder apiRootUrl(String rootUrl) {
      this.apiRootUrl =
          rootUrl == null || rootUrl.isBlank() ? null : URI.create(rootUrl.strip()).toString();
      return this;
    }

    /**
     * The application's shared OkHttp client; its connection pool and dispatcher are reused, with
     * this builder's timeouts. Default: a new client.
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Connect, read (between bytes of an answer) and write timeouts of every call. */
    public Builder timeouts(Duration connect, Duration read, Duration write) {
      this.connectTimeout = positive(connect, "connect");
      this.readTimeout = positive(read, "read");
      this.writeTimeout = positive(write, "write");
      return this;
    }

    /**
     * How hard calls are retried, default {@link RetrySettings#defaults()}. Retried: 429, 5xx,
     * Google's rate-limit 403 and I/O errors; a mail send or an upload only on 429 and the
     * rate-limit 403, or when its request never left; a code exchange only on 429 or when its
     * request never left.
     */
    public Builder retries(RetrySettings retries) {
      this.retries = Objects.requireNonNull(retries, "retries");
      return this;
    }

    /**
     * The size of one resumable-upload chunk, also the largest file sent in a single request: a
     * positive multiple of 256 KiB; default 8 MiB. An upload holds about one chunk in memory.
     */
    public Builder uploadChunkSize(int bytes) {
      if (bytes <= 0 || bytes % MediaHttpUploader.MINIMUM_CHUNK_SIZE != 0) {
        throw new IllegalArgumentException(
            "uploadChunkSize must be a positive multiple of 256 KiB");
      }
      this.uploadChunkSize = bytes;
      return this;
    }

    /**
     * The Google integrations: configured when a client id and secret were given, {@linkplain
     * GoogleProviders#notConfigured() not configured} when neither was.
     *
     * @throws IllegalStateException when only one of client id and secret was given
     */
    public GoogleProviders build() {
      if (clientId == null && clientSecret == null) {
        return notConfigured();
      }
      if (clientId == null || clientSecret == null) {
        throw new IllegalStateException(
            "Google needs both a client id and a client secret (GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET).");
      }
      OkHttpClient base = httpClient != null ? httpClient : new OkHttpClient();
      OkHttpClient client =
          base.newBuilder()
              .connectTimeout(connectTimeout)
              .readTimeout(readTimeout)
              .writeTimeout(writeTimeout)
              // google-http-client handles redirects itself; resumable uploads answer 308.
              .followRedirects(false)
              .followSslRedirects(false)
              .build();
      OkHttpTransport transport = new OkHttpTransport(client);
      OkHttpTransport uploads = new OkHttpTransport(client, OkHttpTransport.Timing.STALL);
      GoogleCalls calls = new GoogleCalls(retries);
      ClientCredentials credentials = new ClientCredentials(clientId, clientSecret);
      return new GoogleProviders(
          new GoogleSetup(new GoogleApis(transport, uploads, apiRootUrl), calls, uploadChunkSize),
          flow(gmailSpec, "gmail", credentials, client),
          flow(driveSpec, "google_drive", credentials, client));
    }

    /**
     * The OAuth flow and API proxy of {@code spec} (the bundled entry {@code key} when null), with
     * this builder's endpoints and API root where set. Google never rotates refresh tokens, so a
     * refresh whose answer was lost may be asked again.
     */
    private Flow flow(
        ProviderSpec spec, String key, ClientCredentials credentials, OkHttpClient client) {
      ProviderSpec entry = spec != null ? spec : ProviderCatalog.bundled().find(key).orElseThrow();
      ProviderSpec endpoints =
          entry.withOAuthEndpoints(text(authorizationUri), text(tokenUri), text(revocationUri));
      OAuth2Client oauth = OAuth2Client.of(endpoints, credentials, client, retries, true);
      return new Flow(
          oauth,
          GenericAdapters.proxy(
              apiRootUrl == null ? entry : entry.withBaseUrl(apiRootUrl), client));
    }

    private static String text(URI uri) {
      return uri == null ? null : uri.toString();
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
