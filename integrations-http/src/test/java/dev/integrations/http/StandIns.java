package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.testing.ProviderStandIns;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/** The shared provider stand-ins, and the whole connect flows through the server's API. */
final class StandIns extends ProviderStandIns {
  /**
   * Where the provider sends the browser back; the tests replay its path and query on the real
   * port.
   */
  static final String PUBLIC_URL = "http://integrations.test:8000";

  StandIns() {
    super("http-test-client");
  }

  /** The configuration that points the server at these stand-ins. */
  @Override
  public Map<String, String> env() {
    Map<String, String> env = super.env();
    env.put("INTEGRATIONS_PUBLIC_URL", PUBLIC_URL);
    return env;
  }

  /** What a browser does at the consent screen for {@code consentUrl}: where it is sent back to. */
  URI consent(String consentUrl) {
    return ProviderStandIns.consent(URI.create(consentUrl));
  }

  /**
   * Connects {@code user} to a Google integration through the whole OAuth flow over HTTP, in a
   * browser of their own (which keeps the consent binding cookie, as a real one does).
   */
  HttpResponse<String> connectGoogle(TestServer server, String token, String type) {
    Browser browser = new Browser(server);
    HttpResponse<String> connect = browser.connect(token, type);
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    URI back = consent(Json.parse(connect.body()).path("oauth_url").asText());
    HttpResponse<String> callback = browser.arriveAt(back);
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .as("callback redirect")
        .contains("integration=" + type)
        .contains("status=connected");
    return callback;
  }

  /**
   * The requests mock-oauth2-server received since the last call, by path (it records every
   * request, the consent screen's and the token endpoint's alike).
   */
  java.util.List<String> takeOAuthRequestPaths() {
    java.util.List<String> paths = new java.util.ArrayList<>();
    while (true) {
      okhttp3.mockwebserver.RecordedRequest request;
      try {
        request = oauth.takeRequest(50, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (RuntimeException drained) {
        return paths; // mock-oauth2-server throws when its queue stays empty
      }
      paths.add(request.getPath().replaceAll("\\?.*", ""));
    }
  }

  /** Connects {@code user}'s Telegram bot. */
  void connectTelegram(TestServer server, String token) {
    HttpResponse<String> connect =
        server.post(
            "/api/integrations/connect",
            token,
            "{\"integration_type\":\"telegram\",\"bot_token\":\"" + BOT_TOKEN + "\"}");
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
  }
}
