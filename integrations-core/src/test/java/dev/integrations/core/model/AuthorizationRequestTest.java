package dev.integrations.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The pending consent: its PKCE challenge against the RFC's own example, its expiry, its required
 * parts.
 */
class AuthorizationRequestTest {
  private static final Instant EXPIRES = Instant.parse("2026-01-01T00:10:00Z");

  private static AuthorizationRequest withVerifier(String verifier) {
    return new AuthorizationRequest(
        Secret.of("state"),
        UserId.of("ann"),
        IntegrationType.GMAIL,
        Secret.of(verifier),
        URI.create("http://127.0.0.1:8000/api/integrations/callback"),
        EXPIRES);
  }

  @Test
  void the_s256_challenge_is_the_one_of_rfc_7636_appendix_b() {
    // RFC 7636, Appendix B: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk" hashes to the octets
    // [19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173,
    // 109, 241,
    // 68, 86, 110, 225, 137, 74, 203, 112, 249, 195], whose base64url encoding without padding is:
    assertThat(withVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").codeChallenge())
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void expires_at_its_expiry_instant_and_not_a_nanosecond_before() {
    AuthorizationRequest request = withVerifier("v".repeat(43));

    assertThat(request.isExpiredAt(EXPIRES.minusNanos(1))).isFalse();
    assertThat(request.isExpiredAt(EXPIRES)).isTrue();
    assertThat(request.isExpiredAt(EXPIRES.plusSeconds(1))).isTrue();
  }

  @Test
  void every_part_is_required() {
    Secret state = Secret.of("s");
    UserId user = UserId.of("ann");
    Secret verifier = Secret.of("v");
    URI redirect = URI.create("http://127.0.0.1/cb");
    IntegrationType gmail = IntegrationType.GMAIL;

    assertThatThrownBy(
            () -> new AuthorizationRequest(null, user, gmail, verifier, redirect, EXPIRES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("state");
    assertThatThrownBy(
            () -> new AuthorizationRequest(state, null, gmail, verifier, redirect, EXPIRES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("user");
    assertThatThrownBy(
            () -> new AuthorizationRequest(state, user, null, verifier, redirect, EXPIRES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type");
    assertThatThrownBy(() -> new AuthorizationRequest(state, user, gmail, null, redirect, EXPIRES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("codeVerifier");
    assertThatThrownBy(() -> new AuthorizationRequest(state, user, gmail, verifier, null, EXPIRES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("redirectUri");
    assertThatThrownBy(() -> new AuthorizationRequest(state, user, gmail, verifier, redirect, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("expiresAt");
  }
}
