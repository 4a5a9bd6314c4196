package dev.integrations.providers.catalog;

import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.ProxyRequest;
import dev.integrations.core.model.ProxyResponse;
import dev.integrations.core.port.ProxyPort;
import dev.integrations.providers.catalog.internal.ApiClient;
import okhttp3.OkHttpClient;

/**
 * The proxy to a catalog provider's API: the entry's {@code base_url} and no other host, the
 * credential where the entry puts it, and a redirect passed back to the caller rather than followed
 * (a redirect may lead to another host, which must not receive the credential).
 *
 * <p>Immutable and thread-safe.
 */
final class CatalogProxy implements ProxyPort {
  private final ApiClient api;

  /** The proxy of {@code spec} (placeholders filled) on {@code http}'s connection pool. */
  CatalogProxy(ProviderSpec spec, OkHttpClient http) {
    this.api =
        new ApiClient(
            spec, http.newBuilder().followRedirects(false).followSslRedirects(false).build());
  }

  @Override
  public ProxyResponse call(Credentials credentials, ProxyRequest request) {
    ApiClient.Answer answer =
        api.call(
            request.method(),
            request.path(),
            credentials.accessToken(),
            request.headers(),
            request.body(),
            request.contentType(),
            request.idempotent());
    return ProxiedAnswers.toResponse(answer);
  }
}
