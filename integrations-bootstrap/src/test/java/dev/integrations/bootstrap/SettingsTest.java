package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  private Settings settings(Map<String, String> env) {
    return Settings.from(ConfigSource.of(env));
  }

  @Test
  void defaults_match_the_configuration_table() {
    Settings s = settings(Map.of());

    assertThat(s.dbUrl()).isEqualTo("jdbc:h2:file:./data/integrations");
    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.port()).isEqualTo(8000);
    assertThat(s.publicUrl()).isEqualTo(URI.create("http://localhost:8000"));
    assertThat(s.redirectUri())
        .isEqualTo(URI.create("http://localhost:8000/api/integrations/callback"));
    assertThat(s.frontendUrl()).isEqualTo(URI.create("http://localhost:8000/"));
    assertThat(s.providersFile()).isNull();
    assertThat(s.setting("GOOGLE_CLIENT_ID")).isEmpty();
    assertThat(s.jwtSecret()).isNull();
    assertThat(s.encryptionKey()).isNull();
  }

  @Test
  void the_frontend_and_redirect_follow_the_public_url() {
    Settings s = settings(Map.of("INTEGRATIONS_PUBLIC_URL", "https://int.example.com/"));

    assertThat(s.redirectUri())
        .isEqualTo(URI.create("https://int.example.com/api/integrations/callback"));
    assertThat(s.frontendUrl()).isEqualTo(URI.create("https://int.example.com/"));
  }

  @Test
  void environment_wins_over_the_properties_file() throws IOException {
    Path file = dir.resolve("integrations.properties");
    Files.writeString(
        file, "INTEGRATIONS_PORT=9001\nGOOGLE_CLIENT_ID=from-file\nGOOGLE_CLIENT_SECRET=s\n");

    Settings s =
        settings(
            Map.of(ConfigSource.CONFIG_FILE_KEY, file.toString(), "INTEGRATIONS_PORT", "9002"));

    assertThat(s.port()).isEqualTo(9002);
    assertThat(s.setting("GOOGLE_CLIENT_ID")).contains("from-file");
  }

  @Test
  void a_named_file_that_does_not_exist_is_refused() {
    assertThatThrownBy(
            () -> settings(Map.of(ConfigSource.CONFIG_FILE_KEY, dir.resolve("nope").toString())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(ConfigSource.CONFIG_FILE_KEY);
  }

  @Test
  void malformed_values_are_refused_naming_the_key() {
    assertThatThrownBy(() -> settings(Map.of("INTEGRATIONS_PORT", "eighty")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("INTEGRATIONS_PORT");
    assertThatThrownBy(() -> settings(Map.of("INTEGRATIONS_PORT", "70000")))
        .hasMessageContaining("INTEGRATIONS_PORT");
    assertThatThrownBy(() -> settings(Map.of("INTEGRATIONS_PUBLIC_URL", "not a url")))
        .hasMessageContaining("INTEGRATIONS_PUBLIC_URL");
  }

  @Test
  void secrets_never_show_in_to_string() {
    Settings s =
        settings(
            Map.of(
                "INTEGRATIONS_JWT_SECRET", "jwt-SECRET-of-at-least-32-bytes-0123",
                "INTEGRATIONS_ENCRYPTION_KEY", "key-SECRET",
                "INTEGRATIONS_ENCRYPTION_OLD_KEYS", "old-SECRET-1, old-SECRET-2",
                "INTEGRATIONS_DB_PASSWORD", "db-SECRET",
                "GOOGLE_CLIENT_SECRET", "google-SECRET"));

    assertThat(s.toString()).doesNotContain("SECRET");
    assertThat(s.previousEncryptionKeys()).hasSize(2);
    assertThat(s.jwtSecret().reveal()).isEqualTo("jwt-SECRET-of-at-least-32-bytes-0123");
  }

  @Test
  void a_jwt_secret_shorter_than_32_bytes_is_refused_without_showing_it() {
    assertThatThrownBy(
            () -> settings(Map.of("INTEGRATIONS_JWT_SECRET", "short-secret-31-bytes-long-xxxx")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "INTEGRATIONS_JWT_SECRET is 31 bytes long; HS256 needs at least 32 (256 bits), or anyone"
                + " can guess it and sign tokens. Generate one with: openssl rand -base64 32");
    assertThat(
            settings(Map.of("INTEGRATIONS_JWT_SECRET", "exactly-32-bytes-long-secret-xxx"))
                .jwtSecret()
                .reveal())
        .hasSize(32);
  }
}
