package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
  private static final String SECRET = "test-jwt-secret-0123456789abcdef0123";

  @TempDir Path data;

  @Test
  void mints_a_jwt_for_the_user_signed_with_the_configured_secret() {
    CliRunner.Result result = new CliRunner(data).run("token", "--user", "ann", "--ttl", "2h");

    assertThat(result.exitCode()).isZero();
    String token = result.out().strip();
    DecodedJWT jwt = JWT.require(Algorithm.HMAC256(SECRET)).build().verify(token);
    assertThat(jwt.getSubject()).isEqualTo("ann");
    assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
    assertThat(jwt.getExpiresAtAsInstant())
        .isCloseTo(Instant.now().plus(2, ChronoUnit.HOURS), within(10, ChronoUnit.SECONDS));
    assertThat(result.err())
        .contains(
            "curl -H 'Authorization: Bearer " + token + "' http://localhost:8000/api/integrations")
        .contains("http://localhost:8000/#token=" + token);
  }

  @Test
  void mints_without_opening_the_database_so_it_works_while_serve_holds_it() throws Exception {
    CliRunner.Result result = new CliRunner(data).run("token", "--user", "ann");

    assertThat(result.exitCode()).isZero();
    try (var files = java.nio.file.Files.walk(data)) {
      assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".mv.db"));
    }
  }

  @Test
  void defaults_to_user_local_for_one_hour_and_names_the_configured_issuer_and_public_url() {
    CliRunner.Result result =
        new CliRunner(data)
            .env("INTEGRATIONS_JWT_ISSUER", "integrations-test")
            .env("INTEGRATIONS_PUBLIC_URL", "https://api.example.test/")
            .run("token");

    DecodedJWT jwt =
        JWT.require(Algorithm.HMAC256(SECRET))
            .withIssuer("integrations-test")
            .build()
            .verify(result.out().strip());
    assertThat(jwt.getSubject()).isEqualTo("local");
    assertThat(jwt.getExpiresAtAsInstant())
        .isCloseTo(
            jwt.getIssuedAtAsInstant().plus(1, ChronoUnit.HOURS), within(1, ChronoUnit.SECONDS));
    assertThat(result.err()).contains(" https://api.example.test/api/integrations");
  }

  @Test
  void prints_token_expiry_and_curl_line_as_json() throws Exception {
    CliRunner.Result result = new CliRunner(data).run("token", "-u", "bob", "--json");

    assertThat(result.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("token", "user", "expires_at", "curl", "page");
    assertThat(json.get("user").asText()).isEqualTo("bob");
    assertThat(JWT.decode(json.get("token").asText()).getSubject()).isEqualTo("bob");
    assertThat(Instant.parse(json.get("expires_at").asText())).isAfter(Instant.now());
    assertThat(json.get("curl").asText()).contains(json.get("token").asText());
    assertThat(result.err()).isEmpty();
  }

  @Test
  void refuses_a_ttl_over_thirty_days_as_invalid_input() {
    CliRunner.Result result = new CliRunner(data).run("token", "--ttl", "31d");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: --ttl is at most 30d; mint a new token when it expires. (invalid_request)\n");
  }

  @Test
  void refuses_a_malformed_ttl_as_a_usage_error() {
    CliRunner.Result result = new CliRunner(data).run("token", "--ttl", "soon");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("error: ")
        .contains("'soon' is not a duration")
        .endsWith("(usage)\n");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void refuses_a_user_the_api_would_refuse_instead_of_minting_a_useless_token() {
    CliRunner.Result result = new CliRunner(data).run("token", "--user", " ");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("error: A user id is required. (invalid_request)\n");
  }
}
