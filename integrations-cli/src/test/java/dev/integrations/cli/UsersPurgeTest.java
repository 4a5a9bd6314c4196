package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users purge} and {@code disconnect --all}, through the real wiring on H2. */
class UsersPurgeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private StandIns standIns;

  @BeforeEach
  void connect() {
    standIns = new StandIns();
    assertThat(
            cli()
                .run("connect", "telegram", "--user", "ann", "--bot-token", StandIns.BOT_TOKEN)
                .exitCode())
        .isZero();
    assertThat(cli().run("connect", "gmail", "--user", "ann", "--no-wait").exitCode()).isZero();
    assertThat(
            cli()
                .run("connect", "telegram", "--user", "bob", "--bot-token", StandIns.BOT_TOKEN)
                .exitCode())
        .isZero();
  }

  @AfterEach
  void stop() {
    standIns.close();
  }

  private CliRunner cli() {
    return standIns.runner(data);
  }

  @Test
  void purge_disconnects_and_deletes_every_row_of_the_user_in_every_per_user_table()
      throws Exception {
    // A per-user table a later migration might add: found in the schema, not named by the purge.
    try (Connection db =
            DriverManager.getConnection("jdbc:h2:file:" + data.resolve("integrations"));
        Statement sql = db.createStatement()) {
      sql.execute("CREATE TABLE usage_buckets (user_id VARCHAR(255), bucket_day DATE, calls INT)");
      sql.execute(
          "INSERT INTO usage_buckets VALUES ('ann', CURRENT_DATE, 3), ('bob', CURRENT_DATE, 1)");
    }

    CliRunner.Result purge = cli().run("users", "purge", "ann", "--json");

    assertThat(purge.exitCode()).as(purge.err()).isZero();
    JsonNode json = JSON.readTree(purge.out());
    assertThat(json.get("disconnected")).hasSize(1);
    assertThat(json.get("disconnected").get(0).get("integration_type").asText())
        .isEqualTo("telegram");
    assertThat(json.get("disconnected").get(0).get("success").asBoolean()).isTrue();
    JsonNode rows = json.get("rows_deleted");
    assertThat(rows.get("connections").asLong()).isEqualTo(1);
    assertThat(rows.get("credentials").asLong()).isEqualTo(1);
    assertThat(rows.get("oauth_states").asLong()).isEqualTo(1);
    assertThat(rows.get("usage_buckets").asLong()).isEqualTo(1);

    JsonNode again = JSON.readTree(cli().run("users", "purge", "ann", "--json").out());
    assertThat(again.get("disconnected")).isEmpty();
    again.get("rows_deleted").forEach(n -> assertThat(n.asLong()).isZero());
    assertThat(cli().run("list", "--user", "bob").out())
        .containsPattern("(?m)^telegram +Telegram +connected ");
    try (Connection db =
            DriverManager.getConnection("jdbc:h2:file:" + data.resolve("integrations"));
        Statement sql = db.createStatement();
        var rs = sql.executeQuery("SELECT user_id FROM usage_buckets")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("bob");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void disconnect_all_gives_one_result_per_connection_and_leaves_other_users_alone()
      throws Exception {
    CliRunner.Result all = cli().run("disconnect", "--all", "--user", "ann", "--json");

    assertThat(all.exitCode()).as(all.err()).isZero();
    JsonNode results = JSON.readTree(all.out());
    assertThat(results).hasSize(1);
    assertThat(results.get(0).get("integration_type").asText()).isEqualTo("telegram");
    assertThat(results.get(0).get("message").asText())
        .isEqualTo("telegram disconnected successfully");
    assertThat(results.get(0).has("revocation")).isTrue();
    assertThat(cli().run("list", "--user", "ann").out())
        .containsPattern("(?m)^telegram +Telegram +disconnected ");
    assertThat(cli().run("list", "--user", "bob").out())
        .containsPattern("(?m)^telegram +Telegram +connected ");
    assertThat(cli().run("disconnect", "--all", "--user", "ann").out())
        .isEqualTo("User ann has no connections.\n");
  }

  @Test
  void disconnect_needs_a_type_or_all_but_not_both() {
    assertThat(cli().run("disconnect").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli().run("disconnect", "telegram", "--all").exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
