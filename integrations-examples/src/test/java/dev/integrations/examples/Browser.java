package dev.integrations.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the user's browser does with a consent URL: opens it, signs in on the (mock) consent page, and
 * is redirected to the application's callback with {@code state} and {@code code}.
 */
final class Browser {
  private final OkHttpClient client = new OkHttpClient.Builder().followRedirects(false).build();

  /**
   * The callback URL the consent screen redirects to. mock-oauth2-server speaks OpenID Connect only,
   * so the browser adds {@code openid} to Google's scopes, as Google itself would accept.
   */
  HttpUrl consent(URI consentUrl) throws IOException {
    HttpUrl url = HttpUrl.get(consentUrl);
    HttpUrl oidc = url.newBuilder().setQueryParameter("scope", "openid " + url.queryParameter("scope")).build();
    try (Response page = client.newCall(new Request.Builder().url(oidc).build()).execute()) {
      assertThat(page.code()).isEqualTo(200);
    }
    Request signIn = new Request.Builder().url(oidc).post(new FormBody.Builder().add("username", "ann").build()).build();
    try (Response redirect = client.newCall(signIn).execute()) {
      assertThat(redirect.code()).isEqualTo(302);
      return HttpUrl.get(redirect.header("Location"));
    }
  }
}
