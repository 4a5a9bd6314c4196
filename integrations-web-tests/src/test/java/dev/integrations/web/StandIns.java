package dev.integrations.web;

import dev.integrations.testing.ProviderStandIns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The shared provider stand-ins, with Google's authorization endpoint behind a small redirector: a real
 * browser opens it, and mock-oauth2-server only speaks OpenID Connect, so the redirector adds {@code
 * openid} to the requested scopes before handing over (mock-oauth2-server then shows a sign-in form for
 * {@code prompt=consent}).
 */
final class StandIns extends ProviderStandIns {
  private final MockWebServer consent = new MockWebServer();

  StandIns() {
    super("web-test-client");
    consent.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return consent(request);
      }
    });
    try {
      consent.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server configuration that points every provider endpoint at these stand-ins. */
  @Override
  public Map<String, String> env() {
    Map<String, String> env = super.env();
    env.put("GOOGLE_AUTH_URI", consent.url("/o/oauth2/v2/auth").toString());
    return env;
  }

  private MockResponse consent(RecordedRequest request) {
    HttpUrl asked = request.getUrl();
    HttpUrl.Builder oidc = oauth.authorizationEndpointUrl("google").newBuilder();
    for (String name : asked.queryParameterNames()) {
      String value = asked.queryParameter(name);
      oidc.addQueryParameter(name, name.equals("scope") ? "openid " + value : value);
    }
    return new MockResponse(302, Headers.of("Location", oidc.build().toString()), "");
  }

  @Override
  public void close() {
    consent.close();
    super.close();
  }
}
