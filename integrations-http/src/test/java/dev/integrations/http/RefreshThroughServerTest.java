package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refreshes seen through the real server: a refresh keeps a connection's missing scopes, and a
 * refresh that keeps losing its write to another writer answers 409 {@code concurrent_update}.
 * Google's token endpoint is the scripted one, so that it can say which scopes it granted.
 */
class RefreshThroughServerTest {
  StandIns standIns;
  TestServer server;
  String ann;

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

  @Test
  void a_refresh_does_not_turn_a_connection_with_unticked_scopes_into_a_connected_one()
      throws Exception {
    standIns.accounts.grantedScopes = Set.of("https://www.googleapis.com/auth/gmail.readonly");
    connectGmail();
    assertThat(gmailStatus().path("status").asText()).isEqualTo("error");
    expireTheAccessToken();

    HttpResponse<String> search = server.get("/api/integrations/gmail/messages?q=hello", ann);

    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    assertThat(standIns.accounts.tokenCalls).hasSize(2); // the code exchange, then the refresh
    JsonNode gmail = gmailStatus();
    assertThat(gmail.path("status").asText()).as(gmail.toString()).isEqualTo("error");
    assertThat(gmail.toString()).contains("missing_scopes").contains("gmail.send");
  }

  @Test
  void a_refresh_that_keeps_losing_its_write_answers_409_concurrent_update() throws Exception {
    connectGmail();
    expireTheAccessToken();
    // Another writer changes the stored credentials while each refresh is at Google.
    standIns.accounts.onRefresh =
        () -> updateCredentials("UPDATE credentials SET version = version + 1");

    HttpResponse<String> search = server.get("/api/integrations/gmail/messages?q=hello", ann);

    assertThat(search.statusCode()).as(search.body()).isEqualTo(409);
    assertThat(Json.parse(search.body()).path("code").asText()).isEqualTo("concurrent_update");
  }

  private void connectGmail() {
    Browser browser = new Browser(server);
    HttpResponse<String> connect = browser.connect(ann, "gmail");
    HttpResponse<String> callback =
        browser.arriveAt(standIns.consent(Json.parse(connect.body()).path("oauth_url").asText()));
    assertThat(callback.statusCode()).isEqualTo(302);
  }

  private JsonNode gmailStatus() {
    for (JsonNode entry : Json.parse(server.get("/api/integrations", ann).body())) {
      if (entry.path("type").asText().equals("gmail")) {
        return entry;
      }
    }
    throw new AssertionError("gmail is not listed");
  }

  private void expireTheAccessToken() {
    updateCredentials(
        "UPDATE credentials SET expires_at = DATEADD('MINUTE', -1, CURRENT_TIMESTAMP)");
  }

  private void updateCredentials(String sql) {
    try (Connection db = DriverManager.getConnection(server.dbUrl);
        Statement update = db.createStatement()) {
      assertThat(update.executeUpdate(sql)).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
