package dev.integrations.providers.google.internal;

import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.api.services.gmail.Gmail;
import dev.integrations.core.model.Credentials;

/**
 * Builds Gmail and Drive API clients that call with one user's access token, over the shared
 * transport, against the configured root URL. Building one is cheap (no I/O), so each call gets its
 * own and no token is ever shared between users.
 *
 * <p>Immutable and thread-safe.
 */
public final class GoogleApis {
  private static final String APPLICATION_NAME = "integrations";

  private final HttpTransport transport;
  private final HttpTransport uploadTransport;
  private final String rootUrl;

  /**
   * @param transport what every call but an upload goes through
   * @param uploadTransport what uploads go through (bounded by stalls rather than by the deadline)
   * @param rootUrl the root of both APIs ({@code http://127.0.0.1:8080/}), or null for each client
   *     library's own default
   */
  public GoogleApis(HttpTransport transport, HttpTransport uploadTransport, String rootUrl) {
    this.transport = transport;
    this.uploadTransport = uploadTransport;
    this.rootUrl = rootUrl == null || rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
  }

  /** A Gmail client acting with {@code credentials}. */
  public Gmail gmail(Credentials credentials) {
    Gmail.Builder builder =
        new Gmail.Builder(transport, GsonFactory.getDefaultInstance(), bearer(credentials))
            .setApplicationName(APPLICATION_NAME)
            .setGoogleClientRequestInitializer(GoogleApis::plain);
    if (rootUrl != null) {
      builder.setRootUrl(rootUrl);
    }
    return builder.build();
  }

  /** A Drive client acting with {@code credentials}. */
  public Drive drive(Credentials credentials) {
    return drive(transport, credentials);
  }

  /**
   * A Drive client for uploads, acting with {@code credentials}: its requests may outlast the
   * request deadline while their bytes flow, but none may stall longer than it.
   */
  public Drive driveUploads(Credentials credentials) {
    return drive(uploadTransport, credentials);
  }

  private Drive drive(HttpTransport over, Credentials credentials) {
    Drive.Builder builder =
        new Drive.Builder(over, GsonFactory.getDefaultInstance(), bearer(credentials))
            .setApplicationName(APPLICATION_NAME)
            .setGoogleClientRequestInitializer(GoogleApis::plain);
    if (rootUrl != null) {
      builder.setRootUrl(rootUrl);
    }
    return builder.build();
  }

  /**
   * Sends request bodies as they are: the client libraries gzip them by default, which saves little
   * on our small JSON bodies and would make every body opaque to proxies and test servers.
   */
  private static void plain(AbstractGoogleClientRequest<?> request) {
    request.setDisableGZipContent(true);
  }

  private static HttpRequestInitializer bearer(Credentials credentials) {
    String authorization = "Bearer " + credentials.accessToken().reveal();
    return request -> {
      quiet(request);
      request.getHeaders().setAuthorization(authorization);
    };
  }

  /**
   * Keeps google-http-client from logging a request whose headers hold a token, and from retrying
   * it.
   */
  private static void quiet(HttpRequest request) {
    request.setLoggingEnabled(false);
    request.setCurlLoggingEnabled(false);
    request.setNumberOfRetries(0);
  }
}
