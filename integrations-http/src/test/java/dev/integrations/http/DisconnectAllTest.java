package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.ProviderStandIns;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/integrations/disconnect-all} through the real server: one result per connection,
 * the Google grant that Gmail and Drive share revoked once, with the last of them, and other users
 * untouched.
 */
class DisconnectAllTest {
  private StandIns standIns;
  private TestServer server;
  private String ann;
  private String bob;

  @BeforeEach
  void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
    ann = server.token("ann");
    bob = server.token("bob");
  }

  @AfterEach
  void stop() {
    server.close();
    standIns.close();
  }

  private void connectGoogle(String type) {
    Browser browser = new Browser(server);
    HttpResponse<String> connect = browser.connect(ann, type);
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    URI back =
        ProviderStandIns.consent(
            URI.create(Json.parse(connect.body()).path("oauth_url").asText()), "ann");
    assertThat(browser.arriveAt(back).headers().firstValue("Location").orElseThrow())
        .contains("status=connected");
  }

  @Test
  void disconnects_each_connection_and_revokes_the_shared_google_grant_once() {
    connectGoogle("gmail");
    connectGoogle("google_drive");
    standIns.connectTelegram(server, ann);
    standIns.connectTelegram(server, bob);

    HttpResponse<String> all = server.post("/api/integrations/disconnect-all", ann, null);

    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    JsonNode results = Json.parse(all.body());
    assertThat(results)
        .extracting(r -> r.path("integration_type").asText())
        .containsExactly("gmail", "google_drive", "telegram");
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.path("success").asBoolean()).isTrue();
              assertThat(r.path("message").asText())
                  .isEqualTo(r.path("integration_type").asText() + " disconnected successfully");
            });
    assertThat(results.get(0).path("revocation").path("shared_with"))
        .extracting(JsonNode::asText)
        .containsExactly("google_drive");
    assertThat(results.get(1).path("revocation").path("revoked").asBoolean()).isTrue();
    assertThat(standIns.googleCallsTo("/revoke")).hasSize(1);
    assertThat(standIns.grants.hasLiveGrant(ProviderStandIns.ACCOUNT, standIns.clientId()))
        .isFalse();
    assertThat(Json.parse(server.get("/api/integrations", ann).body()))
        .allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo("disconnected"));
    assertThat(
            server.post("/api/integrations/test?integration_type=telegram", bob, null).statusCode())
        .isEqualTo(200);
    assertThat(Json.parse(server.post("/api/integrations/disconnect-all", ann, null).body()))
        .isEmpty();
  }

  @Test
  void needs_authentication() {
    assertThat(server.post("/api/integrations/disconnect-all", null, null).statusCode())
        .isEqualTo(401);
  }
}
