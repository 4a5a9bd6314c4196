package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.testing.PostgresSchema;
import dev.integrations.testing.TcpProxy;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database that goes away while the server runs is an outage: 503 with a code, and /ready says
 * so.
 */
class DatabaseOutageTest {
  @Test
  void a_database_outage_answers_503_storage_unavailable_never_500() throws Exception {
    try (PostgresSchema schema = PostgresSchema.create()) {
      URI target = URI.create(PostgresSchema.PG_URL.substring("jdbc:".length()));
      try (TcpProxy proxy =
              new TcpProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort());
          TestServer server =
              TestServer.start(
                  Map.of(
                      "INTEGRATIONS_DB_URL",
                          schema
                              .url()
                              .replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"),
                      "INTEGRATIONS_DB_USER", PostgresSchema.PG_USER,
                      "INTEGRATIONS_DB_PASSWORD", PostgresSchema.PG_PASSWORD))) {
        String ann = server.token("ann");
        assertThat(server.get("/api/integrations", ann).statusCode()).isEqualTo(200);
        assertThat(server.get("/ready", null).statusCode()).isEqualTo(200);

        proxy.close();

        HttpResponse<String> list = server.get("/api/integrations", ann);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(503);
        JsonNode body = Json.parse(list.body());
        assertThat(body.path("code").asText()).isEqualTo("storage_unavailable");
        assertThat(body.path("detail").asText())
            .startsWith("Could not read connections: the database is unavailable");
        assertThat(server.get("/ready", null).statusCode()).isEqualTo(503);
      }
    }
  }
}
