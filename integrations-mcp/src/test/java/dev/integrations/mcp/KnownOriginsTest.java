package dev.integrations.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownOriginsTest {
  private final KnownOrigins known =
      new KnownOrigins(
          List.of(
              URI.create("https://integrations.example.com"),
              URI.create("http://app.example.com:3000/page")),
          "0.0.0.0");

  @Test
  void the_public_and_frontend_origins_are_accepted_with_or_without_their_default_port() {
    assertThat(known.allowsOrigin("https://integrations.example.com", "integrations.example.com"))
        .isTrue();
    assertThat(
            known.allowsOrigin("https://integrations.example.com:443", "integrations.example.com"))
        .isTrue();
    assertThat(known.allowsOrigin("http://app.example.com:3000", "integrations.example.com"))
        .isTrue();
  }

  @Test
  void another_site_is_refused_even_when_it_names_itself_as_host() {
    assertThat(known.allowsOrigin("https://evil.example", "evil.example")).isFalse();
    assertThat(known.allowsOrigin("http://app.example.com:3001", "integrations.example.com"))
        .isFalse();
    assertThat(known.allowsOrigin("null", "integrations.example.com")).isFalse();
    assertThat(known.allowsHost("evil.example:8000")).isFalse();
    assertThat(known.allowsHost(null)).isFalse();
  }

  @Test
  void a_loopback_page_of_this_very_server_is_accepted() {
    assertThat(known.allowsOrigin("http://127.0.0.1:8000", "127.0.0.1:8000")).isTrue();
    assertThat(known.allowsOrigin("http://localhost:9999", "localhost:8000")).isFalse();
  }

  @Test
  void hosts_are_the_known_names_and_loopback_on_any_port_but_not_a_wildcard_listening_address() {
    assertThat(known.allowsHost("integrations.example.com")).isTrue();
    assertThat(known.allowsHost("INTEGRATIONS.example.com:8443")).isTrue();
    assertThat(known.allowsHost("localhost:8000")).isTrue();
    assertThat(known.allowsHost("[::1]:8000")).isTrue();
    assertThat(known.allowsHost("0.0.0.0:8000")).isFalse();
  }
}
