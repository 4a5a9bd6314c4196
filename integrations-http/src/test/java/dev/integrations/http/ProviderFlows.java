package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.providers.OAuthStandIn;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import mockwebserver3.RecordedRequest;

/**
 * A provider's life through the server's API, as a user's browser and an API client go through it.
 */
final class ProviderFlows {
  private final TestServer server;

  ProviderFlows(TestServer server) {
    this.server = server;
  }

  /**
   * Connects {@code user} to {@code type} through the consent in their own browser; returns their
   * JWT.
   */
  String connect(String user, String type, OAuthStandIn standIn) {
    String jwt = server.token(user);
    Browser browser = new Browser(server);
    HttpResponse<String> connect = browser.connect(jwt, type);
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    URI back =
        standIn.consent(URI.create(Json.parse(connect.body()).path("oauth_url").asText()), user);
    HttpResponse<String> callback = browser.arriveAt(back);
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location").orElseThrow())
        .contains("integration=" + type)
        .contains("status=connected");
    return jwt;
  }

  void assertTested(String jwt, String type, String message) {
    HttpResponse<String> test =
        server.post("/api/integrations/test?integration_type=" + type, jwt, null);
    assertThat(test.statusCode()).isEqualTo(200);
    JsonNode body = Json.parse(test.body());
    assertThat(body.path("message").asText()).as(test.body()).isEqualTo(message);
    assertThat(body.path("success").asBoolean()).isTrue();
  }

  JsonNode disconnect(String jwt, String type) {
    HttpResponse<String> disconnected =
        server.post("/api/integrations/disconnect?integration_type=" + type, jwt, null);
    assertThat(disconnected.statusCode()).as(disconnected.body()).isEqualTo(200);
    return Json.parse(disconnected.body()).path("revocation");
  }

  HttpResponse<String> proxy(
      String jwt, String method, String type, String path, String body, String contentType) {
    HttpRequest.Builder request =
        server
            .request("/api/integrations/" + type + "/proxy/" + path, jwt)
            .header("Cookie", "session=the-callers-own")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return server.send(request.build());
  }

  static String error(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return Json.parse(response.body()).path("code").asText();
  }

  static RecordedRequest last(List<RecordedRequest> calls) {
    assertThat(calls).isNotEmpty();
    return calls.get(calls.size() - 1);
  }
}
