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
 * Gmail and Drive connected with one Google account share one grant, and Google's revoke ends the
 * whole grant (the stand-in does as Google does). Disconnecting one must leave the other working.
 */
class SharedGoogleGrantTest {
  private StandIns standIns;
  private TestServer server;
  private String ann;

  @BeforeEach
  void start() {
    standIns = new StandIns();
    server = TestServer.start(standIns.env());
    ann = server.token("ann");
  }

  @AfterEach
  void stop() {
    server.close();
    standIns.close();
  }

  /** Connects {@code type} for ann, consenting at Google as {@code googleUser}. */
  private void connect(String type, String googleUser) {
    Browser browser = new Browser(server);
    HttpResponse<String> connect = browser.connect(ann, type);
    assertThat(connect.statusCode()).as(connect.body()).isEqualTo(200);
    URI back =
        ProviderStandIns.consent(
            URI.create(Json.parse(connect.body()).path("oauth_url").asText()), googleUser);
    assertThat(browser.arriveAt(back).headers().firstValue("Location").orElseThrow())
        .contains("status=connected");
  }

  private HttpResponse<String> disconnect(String type) {
    return server.post("/api/integrations/disconnect?integration_type=" + type, ann, null);
  }

  private HttpResponse<String> listFiles() {
    return server.get("/api/integrations/google_drive/files", ann);
  }

  @Test
  void disconnecting_gmail_keeps_the_grant_drive_still_uses_and_says_so() {
    connect("gmail", "ann");
    connect("google_drive", "ann");

    HttpResponse<String> disconnected = disconnect("gmail");

    assertThat(disconnected.statusCode()).isEqualTo(200);
    JsonNode revocation = Json.parse(disconnected.body()).path("revocation");
    assertThat(revocation.path("attempted").asBoolean()).isFalse();
    assertThat(revocation.path("revoked").asBoolean()).isFalse();
    assertThat(revocation.path("shared_with"))
        .extracting(JsonNode::asText)
        .containsExactly("google_drive");
    assertThat(revocation.path("message").asText())
        .isEqualTo(
            "Forgotten here, not revoked at the provider:"
                + " Google Drive still uses the same grant. Disconnect it too to revoke it.");
    assertThat(standIns.googleCallsTo("/revoke")).isEmpty();
    HttpResponse<String> files = listFiles();
    assertThat(files.statusCode()).as(files.body()).isEqualTo(200);
    assertThat(standIns.grants.hasLiveGrant(ProviderStandIns.ACCOUNT, standIns.clientId()))
        .isTrue();
  }

  @Test
  void disconnecting_the_last_integration_on_the_grant_revokes_it_at_google() {
    connect("gmail", "ann");
    connect("google_drive", "ann");
    disconnect("gmail");

    HttpResponse<String> last = disconnect("google_drive");

    JsonNode revocation = Json.parse(last.body()).path("revocation");
    assertThat(revocation.path("revoked").asBoolean()).as(last.body()).isTrue();
    assertThat(revocation.path("shared_with")).isEmpty();
    assertThat(standIns.googleCallsTo("/revoke")).hasSize(1);
    assertThat(standIns.grants.hasLiveGrant(ProviderStandIns.ACCOUNT, standIns.clientId()))
        .isFalse();
  }

  @Test
  void gmail_and_drive_of_two_google_accounts_are_two_grants_once_their_accounts_are_known() {
    connect("gmail", "ann");
    connect("google_drive", "bob");
    assertThat(
            Json.parse(
                    server.post("/api/integrations/test?integration_type=gmail", ann, null).body())
                .path("success")
                .asBoolean())
        .isTrue();
    assertThat(
            Json.parse(
                    server
                        .post("/api/integrations/test?integration_type=google_drive", ann, null)
                        .body())
                .path("success")
                .asBoolean())
        .isTrue();

    HttpResponse<String> disconnected = disconnect("gmail");

    assertThat(Json.parse(disconnected.body()).path("revocation").path("revoked").asBoolean())
        .as(disconnected.body())
        .isTrue();
    assertThat(standIns.grants.hasLiveGrant(ProviderStandIns.ACCOUNT, standIns.clientId()))
        .isFalse();
    assertThat(listFiles().statusCode()).as("bob's Drive grant is untouched").isEqualTo(200);
  }
}
