package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.model.ConnectionStatus;
import dev.integrations.core.model.IntegrationStatus;
import dev.integrations.core.model.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root on the embedded default: an H2 file and generated secrets in the data
 * directory.
 */
class WiringTest {
  @TempDir Path dir;

  private Settings settings(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("INTEGRATIONS_DATA_DIR", dir.toString());
    env.put("INTEGRATIONS_DB_URL", "jdbc:h2:file:" + dir.resolve("integrations").toAbsolutePath());
    return Settings.from(ConfigSource.of(env));
  }

  @Test
  void first_run_generates_owner_only_secrets_that_later_runs_reuse() throws Exception {
    String first;
    try (Wiring wiring = Wiring.start(settings(Map.of()))) {
      first = wiring.jwtSecret().reveal();
    }
    for (String file : List.of("jwt.secret", "encryption.key")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
    try (Wiring again = Wiring.start(settings(Map.of()))) {
      assertThat(again.jwtSecret().reveal()).isEqualTo(first).hasSizeGreaterThanOrEqualTo(43);
    }
    assertThat(Wiring.jwtSecret(settings(Map.of())).reveal()).isEqualTo(first);
  }

  @Test
  void a_configured_jwt_secret_wins_and_no_file_is_written() {
    try (Wiring wiring =
        Wiring.start(
            settings(Map.of("INTEGRATIONS_JWT_SECRET", "configured-secret-of-32-bytes-or-more")))) {
      assertThat(wiring.jwtSecret().reveal()).isEqualTo("configured-secret-of-32-bytes-or-more");
    }
    assertThat(dir.resolve("jwt.secret")).doesNotExist();
  }

  @Test
  void lists_every_integration_from_the_database_and_reports_readiness() {
    Wiring wiring = Wiring.start(settings(Map.of()));
    try {
      List<IntegrationStatus> statuses = wiring.integrations().connections().list(UserId.of("ann"));
      assertThat(statuses)
          .extracting(s -> s.integration().type().value())
          .containsExactly(
              "gmail",
              "google_drive",
              "telegram",
              "slack",
              "github",
              "outlook",
              "onedrive",
              "microsoft_teams",
              "notion",
              "discord",
              "dropbox",
              "whatsapp");
      assertThat(statuses)
          .filteredOn(s -> s.integration().configured())
          .extracting(s -> s.integration().type().value())
          .as("without client credentials only the token providers can be connected")
          .containsExactly("telegram", "discord", "whatsapp");
      assertThat(statuses)
          .allSatisfy(
              s -> assertThat(s.connection().status()).isEqualTo(ConnectionStatus.DISCONNECTED));
      assertThat(wiring.databaseReady()).isTrue();
    } finally {
      wiring.close();
    }
    assertThat(wiring.databaseReady()).isFalse();
  }

  @Test
  void a_malformed_encryption_key_is_refused_naming_the_setting_not_the_value() {
    assertThatThrownBy(
            () -> Wiring.start(settings(Map.of("INTEGRATIONS_ENCRYPTION_KEY", "not-base64-!!"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("INTEGRATIONS_ENCRYPTION_KEY")
        .hasMessageNotContaining("not-base64-!!");
  }

  @Test
  void google_with_a_client_id_but_no_secret_is_refused() {
    assertThatThrownBy(
            () ->
                Wiring.start(settings(Map.of("GOOGLE_CLIENT_ID", "id.apps.googleusercontent.com"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("GOOGLE_CLIENT_SECRET");
  }

  @Test
  void the_data_directory_is_created_owner_only_when_keys_are_configured_too() throws Exception {
    Path data = dir.resolve("fresh").resolve("data");
    Map<String, String> env = new HashMap<>();
    env.put("INTEGRATIONS_DATA_DIR", data.toString());
    env.put("INTEGRATIONS_JWT_SECRET", "configured-secret-of-32-bytes-or-more");
    env.put("INTEGRATIONS_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    try (Wiring wiring = Wiring.start(Settings.from(ConfigSource.of(env)))) {
      assertThat(wiring.databaseReady()).isTrue();
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    assertThat(data.resolve("integrations.mv.db")).exists();
    assertThat(data.resolve("jwt.secret")).doesNotExist();
    assertThat(data.resolve("encryption.key")).doesNotExist();
  }

  @Test
  void a_providers_file_adds_a_provider_and_its_group_settings_configure_it() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("providers.yaml"),
            """
        acme_crm:
          name: Acme CRM
          description: Contacts in Acme
          auth: oauth2
          authorization_url: https://auth.acme.test/authorize
          token_url: https://auth.acme.test/token
          scopes: [contacts.read]
          base_url: https://api.acme.test/v2
          verify: {path: /me, account_id: id}
        """);

    try (Wiring wiring =
        Wiring.start(
            settings(
                Map.of(
                    "INTEGRATIONS_PROVIDERS_FILE",
                    file.toString(),
                    "ACME_CRM_CLIENT_ID",
                    "acme-client",
                    "ACME_CRM_CLIENT_SECRET",
                    "acme-secret")))) {
      IntegrationStatus acme =
          wiring.integrations().connections().list(UserId.of("ann")).stream()
              .filter(s -> s.integration().type().value().equals("acme_crm"))
              .findFirst()
              .orElseThrow();
      assertThat(acme.integration().name()).isEqualTo("Acme CRM");
      assertThat(acme.integration().configured()).isTrue();
    }
  }

  @Test
  void an_invalid_providers_file_stops_the_start_naming_the_entry_and_field() throws Exception {
    Path file =
        Files.writeString(dir.resolve("providers.yaml"), "slack:\n  token_url: not-a-url\n");

    assertThatThrownBy(
            () -> Wiring.start(settings(Map.of("INTEGRATIONS_PROVIDERS_FILE", file.toString()))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageEndingWith(
            "provider 'slack', field 'token_url': must be an http(s) URL, not 'not-a-url'.");
  }

  @Test
  void a_provider_url_setting_that_is_not_http_is_refused_naming_the_key() {
    assertThatThrownBy(
            () -> Wiring.start(settings(Map.of("TELEGRAM_API_URL", "ftp://example.com"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("TELEGRAM_API_URL must be an http(s) URL, not 'ftp://example.com'.");
  }
}
