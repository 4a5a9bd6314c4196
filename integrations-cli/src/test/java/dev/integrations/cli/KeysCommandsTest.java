package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keys status} and {@code keys rotate} on the embedded H2 database, through the real wiring:
 * a Telegram token and a pending Gmail consent sealed under the first key are re-sealed under a new
 * one, after which the old key can be removed from the configuration.
 */
class KeysCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIRST_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String NEW_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

  @TempDir Path data;
  private StandIns standIns;

  @BeforeEach
  void connectUnderTheFirstKey() {
    standIns = new StandIns();
    assertThat(
            standIns
                .runner(data)
                .run("connect", "telegram", "--bot-token", StandIns.BOT_TOKEN)
                .exitCode())
        .isZero();
    assertThat(standIns.runner(data).run("connect", "gmail", "--no-wait").exitCode()).isZero();
  }

  @AfterEach
  void stop() {
    standIns.close();
  }

  /** The new key current, the first one listed as old. */
  private CliRunner rotated() {
    return standIns
        .runner(data)
        .env("INTEGRATIONS_ENCRYPTION_KEY", NEW_KEY)
        .env("INTEGRATIONS_ENCRYPTION_OLD_KEYS", FIRST_KEY);
  }

  /** Only the new key. */
  private CliRunner newKeyOnly() {
    return standIns.runner(data).env("INTEGRATIONS_ENCRYPTION_KEY", NEW_KEY);
  }

  @Test
  void status_counts_values_per_key_and_marks_the_old_one() throws Exception {
    CliRunner.Result status = rotated().run("keys", "status", "--json");

    assertThat(status.exitCode()).as(status.err()).isZero();
    JsonNode json = JSON.readTree(status.out());
    String current = json.get("current_key_id").asText();
    assertThat(json.get("keys"))
        .hasSize(2)
        .allSatisfy(
            row -> {
              assertThat(row.get("state").asText()).isEqualTo("old");
              assertThat(row.get("key_id").asText()).isNotEqualTo(current);
              assertThat(row.get("values").asLong()).isEqualTo(1);
            });
    assertThat(json.get("keys"))
        .extracting(r -> r.get("table").asText() + "." + r.get("column").asText())
        .containsExactly("credentials.access_token", "oauth_states.code_verifier");
    assertThat(newKeyOnly().run("keys", "status").out()).contains("missing");
  }

  @Test
  void rotate_reseals_everything_and_the_old_key_can_then_be_removed() throws Exception {
    assertThat(newKeyOnly().run("test", "telegram").exitCode()).isEqualTo(ExitCodes.FAILURE);

    CliRunner.Result rotate = rotated().run("keys", "rotate", "--batch-size", "1");

    assertThat(rotate.exitCode()).as(rotate.err()).isZero();
    assertThat(rotate.out())
        .contains(
            "Re-sealed 2 rows under key ",
            "Every stored secret is under the current key: old keys can be removed");
    JsonNode status = JSON.readTree(newKeyOnly().run("keys", "status", "--json").out());
    assertThat(status.get("keys")).extracting(r -> r.get("state").asText()).containsOnly("current");
    CliRunner.Result test = newKeyOnly().run("test", "telegram");
    assertThat(test.exitCode()).as(test.err()).isZero();
    assertThat(rotated().run("keys", "rotate", "--json").out()).contains("\"resealed\" : 0");
  }
}
