package dev.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Algorithm rightKey() {
    return Algorithm.HMAC256(server.jwtSecret);
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    JsonNode body = Json.parse(response.body());
    assertThat(body.path("code").asText()).isEqualTo("unauthorized");
    assertThat(body.path("detail").asText()).isNotBlank();
  }

  @Test
  void a_valid_token_with_sub_is_accepted() {
    HttpResponse<String> response = server.get("/api/integrations", server.token("ann"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.parse(response.body()).isArray()).isTrue();
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    // Each security header once, though added without looking for an earlier one.
    assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
  }

  @Test
  void a_numeric_user_id_claim_is_accepted_when_there_is_no_sub() {
    String token =
        JWT.create()
            .withClaim("user_id", 42L)
            .withExpiresAt(Instant.now().plusSeconds(60))
            .sign(rightKey());

    assertThat(server.get("/api/integrations", token).statusCode()).isEqualTo(200);
  }

  @Test
  void a_missing_header_is_refused() {
    assertUnauthorized(server.get("/api/integrations", null));
  }

  @Test
  void a_header_that_is_not_bearer_is_refused() {
    assertUnauthorized(
        server.send(
            server
                .request("/api/integrations", null)
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("a:b".getBytes(StandardCharsets.UTF_8)))
                .build()));
    assertUnauthorized(
        server.send(
            server.request("/api/integrations", null).header("Authorization", "Bearer").build()));
  }

  @Test
  void garbage_is_refused() {
    assertUnauthorized(server.get("/api/integrations", "not.a.jwt"));
    assertUnauthorized(server.get("/api/integrations", "abc"));
    assertUnauthorized(server.get("/api/integrations", "e30.e30.e30"));
  }

  @Test
  void alg_none_is_refused() {
    String token =
        JWT.create()
            .withSubject("ann")
            .withExpiresAt(Instant.now().plusSeconds(60))
            .sign(Algorithm.none());
    assertUnauthorized(server.get("/api/integrations", token));

    // The same claims with a header that says none and the valid signature stripped.
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload = server.token("ann").split("\\.")[1];
    assertUnauthorized(server.get("/api/integrations", header + "." + payload + "."));
  }

  @Test
  void a_token_signed_with_another_key_is_refused() {
    String token =
        JWT.create()
            .withSubject("ann")
            .withExpiresAt(Instant.now().plusSeconds(60))
            .sign(Algorithm.HMAC256("another secret of a reasonable length!!"));

    assertUnauthorized(server.get("/api/integrations", token));
  }

  @Test
  void another_algorithm_is_refused_even_with_the_right_secret() throws Exception {
    String hs512 =
        JWT.create()
            .withSubject("ann")
            .withExpiresAt(Instant.now().plusSeconds(60))
            .sign(Algorithm.HMAC512(server.jwtSecret));
    assertUnauthorized(server.get("/api/integrations", hs512));

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    String rs256 =
        JWT.create()
            .withSubject("ann")
            .withExpiresAt(Instant.now().plusSeconds(60))
            .sign(
                Algorithm.RSA256(
                    (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));
    assertUnauthorized(server.get("/api/integrations", rs256));
  }

  @Test
  void a_tampered_payload_is_refused() {
    String[] parts = server.token("ann").split("\\.");
    String forged =
        parts[0]
            + "."
            + b64("{\"sub\":\"bob\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
            + "."
            + parts[2];

    assertUnauthorized(server.get("/api/integrations", forged));
  }

  @Test
  void an_expired_token_is_refused_beyond_the_leeway() {
    String token =
        JWT.create()
            .withSubject("ann")
            .withExpiresAt(Instant.now().minusSeconds(120))
            .sign(rightKey());

    HttpResponse<String> response = server.get("/api/integrations", token);
    assertUnauthorized(response);
    assertThat(Json.parse(response.body()).path("detail").asText()).contains("expired");
  }

  @Test
  void a_token_expired_within_the_leeway_is_accepted() {
    String token =
        JWT.create()
            .withSubject("ann")
            .withExpiresAt(Instant.now().minusSeconds(5))
            .sign(rightKey());

    assertThat(server.get("/api/integrations", token).statusCode()).isEqualTo(200);
  }

  @Test
  void a_token_that_never_expires_is_refused_and_says_why() {
    String forever = JWT.create().withSubject("ann").withIssuedAt(Instant.now()).sign(rightKey());

    HttpResponse<String> response = server.get("/api/integrations", forever);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Json.parse(response.body()).path("detail").asText())
        .isEqualTo("The token has no expiry ('exp' claim): only tokens that expire are accepted.");
    assertThat(Json.parse(response.body()).path("code").asText()).isEqualTo("unauthorized");
  }

  @Test
  void a_token_not_yet_valid_is_refused() {
    String token =
        JWT.create()
            .withSubject("ann")
            .withNotBefore(Instant.now().plusSeconds(600))
            .withExpiresAt(Instant.now().plusSeconds(900))
            .sign(rightKey());

    assertUnauthorized(server.get("/api/integrations", token));
  }

  @Test
  void a_token_without_a_user_is_refused() {
    String token = JWT.create().withExpiresAt(Instant.now().plusSeconds(60)).sign(rightKey());
    assertUnauthorized(server.get("/api/integrations", token));

    String blank =
        JWT.create()
            .withSubject("  ")
            .withExpiresAt(Instant.now().plusSeconds(60))
            .sign(rightKey());
    assertUnauthorized(server.get("/api/integrations", blank));

    String control =
        JWT.create()
            .withSubject("ann\u0000")
            .withExpiresAt(Instant.now().plusSeconds(60))
            .sign(rightKey());
    assertUnauthorized(server.get("/api/integrations", control));
  }

  @Test
  void every_api_route_but_the_callback_needs_a_token() {
    assertUnauthorized(
        server.post("/api/integrations/connect", null, "{\"integration_type\":\"telegram\"}"));
    assertUnauthorized(server.post("/api/integrations/complete", null, "{\"handle\":\"h\"}"));
    assertUnauthorized(server.post("/api/integrations/test?integration_type=telegram", null, null));
    assertUnauthorized(
        server.post("/api/integrations/disconnect?integration_type=telegram", null, null));
    assertUnauthorized(server.post("/api/integrations/gmail/messages", null, "{}"));
    assertUnauthorized(server.get("/api/integrations/gmail/messages", null));
    assertUnauthorized(server.get("/api/integrations/google_drive/files", null));
    assertUnauthorized(server.post("/api/integrations/google_drive/files", null, "{}"));
    assertUnauthorized(server.post("/api/integrations/telegram/messages", null, "{}"));

    assertThat(server.get("/api/integrations/callback?state=x&code=y", null).statusCode())
        .isEqualTo(302);
  }

  @Test
  void the_issuer_is_checked_when_configured() {
    try (TestServer strict =
        TestServer.start(Map.of("INTEGRATIONS_JWT_ISSUER", "https://auth.example.com"))) {
      Algorithm key = Algorithm.HMAC256(strict.jwtSecret);
      Instant exp = Instant.now().plusSeconds(60);
      String good =
          JWT.create()
              .withSubject("ann")
              .withIssuer("https://auth.example.com")
              .withExpiresAt(exp)
              .sign(key);
      String wrong =
          JWT.create()
              .withSubject("ann")
              .withIssuer("https://evil.example.com")
              .withExpiresAt(exp)
              .sign(key);
      String none = JWT.create().withSubject("ann").withExpiresAt(exp).sign(key);

      assertThat(strict.get("/api/integrations", good).statusCode()).isEqualTo(200);
      assertThat(strict.get("/api/integrations", wrong).statusCode()).isEqualTo(401);
      assertThat(strict.get("/api/integrations", none).statusCode()).isEqualTo(401);
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
