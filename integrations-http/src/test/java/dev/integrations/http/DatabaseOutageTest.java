package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.Prerequisites;
import dev.integrations.testing.TcpProxy;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A database that goes away while the server runs is an outage: 503 with a code, and /ready says so. */
class DatabaseOutageTest {
  private static final String PG_URL = env("INTEGRATIONS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/integrations_test");
  private static final String PG_USER = env("INTEGRATIONS_TEST_PG_USER", "integrations");
  private static final String PG_PASSWORD = env("INTEGRATIONS_TEST_PG_PASSWORD", "integrations");

  @Test
  void a_database_outage_answers_503_storage_unavailable_never_500() throws Exception {
    String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    admin("CREATE SCHEMA " + schema);
    URI target = URI.create(PG_URL.substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort())) {
      String throughProxy = PG_URL.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/")
          + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      try (TestServer server = TestServer.start(Map.of(
          "INTEGRATIONS_DB_URL", throughProxy, "INTEGRATIONS_DB_USER", PG_USER, "INTEGRATIONS_DB_PASSWORD", PG_PASSWORD))) {
        String ann = server.token("ann");
        assertThat(server.get("/api/integrations", ann).statusCode()).isEqualTo(200);
        assertThat(server.get("/ready", null).statusCode()).isEqualTo(200);

        proxy.close();

        HttpResponse<String> list = server.get("/api/integrations", ann);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(503);
        JsonNode body = Json.parse(list.body());
        assertThat(body.path("code").asText()).isEqualTo("storage_unavailable");
        assertThat(body.path("detail").asText()).startsWith("Could not read connections: the database is unavailable");
        assertThat(server.get("/ready", null).statusCode()).isEqualTo(503);
      }
    } finally {
      admin("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void admin(String sql) {
    try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw Prerequisites.missing("PostgreSQL is not reachable at " + PG_URL + " (" + e.getMessage() + ")");
    }
  }

  private static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
