package dev.integrations.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Credentials say whether they hold a refresh token, and never what it is. */
class CredentialsTest {
  private static final Instant EXPIRES = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void with_a_refresh_token() {
    Credentials credentials = new Credentials(Secret.of("a"), Secret.of("r"), EXPIRES, Set.of("s"));

    assertThat(credentials.refreshTokenIfAny()).contains(Secret.of("r"));
    assertThat(credentials)
        .hasToString(
            "Credentials[accessToken=***, refreshToken=***, expiresAt="
                + EXPIRES
                + ", scopes=[s]]");
  }

  @Test
  void without_a_refresh_token() {
    Credentials credentials = new Credentials(Secret.of("a"), null, EXPIRES, Set.of("s"));

    assertThat(credentials.refreshTokenIfAny()).isEmpty();
    assertThat(credentials)
        .hasToString(
            "Credentials[accessToken=***, refreshToken=none, expiresAt="
                + EXPIRES
                + ", scopes=[s]]");
  }
}
