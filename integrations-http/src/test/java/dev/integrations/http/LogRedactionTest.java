package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests carrying secrets everywhere they can (Authorization header, bot token in the body, code
 * and state in the callback's query, a token in a query parameter) leave none of them in the log.
 *
 * <p>The log is the module's test log ({@code simplelogger.properties}, whatever test runs first).
 * Every secret is new to this test, so no other test can have logged it; the control line is a
 * request to a path only this test uses.
 */
class LogRedactionTest {
  private static final Path LOG = Path.of("target", "integrations-http-test.log");

  @Test
  void request_logs_hold_no_token_code_or_state() throws IOException {
    String botToken = "123456:BOT-" + UUID.randomUUID();
    String code = "CODE-" + UUID.randomUUID();
    String state = "STATE-" + UUID.randomUUID();
    String control = "/api/integrations/log-redaction-" + UUID.randomUUID();
    String token;
    try (TestServer server = TestServer.start()) {
      token = server.token("user-" + UUID.randomUUID());
      server.get("/api/integrations", token);
      server.post(
          "/api/integrations/connect",
          token,
          "{\"integration_type\":\"telegram\",\"bot_token\":\"" + botToken + "\"}");
      server.post(
          "/api/integrations/connect",
          token,
          "{\"integration_type\":\"telegram\",\"bot_token\":" + botToken + "}");
      server.get("/api/integrations/callback?code=" + code + "&state=" + state, null);
      server.get("/api/integrations/callback?error=access_denied&state=" + state, null);
      server.get("/api/integrations/gmail/messages?q=" + botToken, token);
      server.get("/api/integrations/nowhere?token=" + botToken, token);
      server.get("/api/integrations", "broken." + botToken);
      server.get(control + "?state=" + state, token);
    }

    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    assertThat(log)
        .as("this test's own request was logged, without its query")
        .contains("GET " + control + " -> 404 (");
    for (String secret : List.of(botToken, code, state, token, token.split("\\.")[2])) {
      assertThat(log).doesNotContain(secret);
    }
  }
}
