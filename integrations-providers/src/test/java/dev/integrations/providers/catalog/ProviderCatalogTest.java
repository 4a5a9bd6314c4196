package dev.integrations.providers.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.providers.catalog.ProviderSpec.ClientAuth;
import dev.integrations.providers.catalog.ProviderSpec.RequestFormat;
import dev.integrations.providers.catalog.ProviderSpec.RevocationStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderCatalogTest {
  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("providers.yaml"), yaml);
  }

  private ProviderCatalog load(String yaml) throws IOException {
    return ProviderCatalog.load(file(yaml));
  }

  @Test
  void the_bundled_catalog_lists_every_provider_out_of_the_box_in_file_order() {
    assertThat(ProviderCatalog.bundled().providers())
        .extracting(ProviderSpec::key)
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
  }

  @Test
  void the_original_three_keep_their_names_descriptions_and_icons() {
    ProviderCatalog catalog = ProviderCatalog.bundled();
    ProviderSpec gmail = catalog.find("gmail").orElseThrow();
    assertThat(gmail.name()).isEqualTo("Gmail");
    assertThat(gmail.description()).isEqualTo("Send and receive emails via Gmail API");
    assertThat(gmail.icon()).isEqualTo("mail");
    assertThat(catalog.find("google_drive").orElseThrow().description())
        .isEqualTo("Upload and manage files in Google Drive");
    assertThat(catalog.find("telegram").orElseThrow().icon()).isEqualTo("message-circle");
    assertThat(catalog.find("telegram").orElseThrow().auth()).isEqualTo(AuthKind.BOT_TOKEN);
  }

  @Test
  void entries_of_one_provider_client_share_a_credentials_group() {
    ProviderCatalog catalog = ProviderCatalog.bundled();
    assertThat(catalog.find("gmail").orElseThrow().credentialsGroup()).isEqualTo("google");
    assertThat(catalog.find("google_drive").orElseThrow().credentialsGroup()).isEqualTo("google");
    assertThat(catalog.find("outlook").orElseThrow().credentialsGroup()).isEqualTo("microsoft");
    assertThat(catalog.find("microsoft_teams").orElseThrow().credentialsGroup())
        .isEqualTo("microsoft");
    assertThat(catalog.find("slack").orElseThrow().credentialsGroup()).isEqualTo("slack");
  }

  @Test
  void defaults_are_the_rfc_ones_and_quirks_are_read_as_written() {
    ProviderCatalog catalog = ProviderCatalog.bundled();
    ProviderSpec.OAuthSettings github = catalog.find("github").orElseThrow().oauth();
    assertThat(github.pkce()).isTrue();
    assertThat(github.clientAuth()).isEqualTo(ClientAuth.BODY);
    assertThat(github.tokenRequestFormat()).isEqualTo(RequestFormat.FORM);
    assertThat(github.scopeSeparator()).isEqualTo(" ");
    assertThat(github.scopeParam()).isEqualTo("scope");
    assertThat(github.revocationUrl()).isNull();
    assertThat(github.tokenResponse()).isEqualTo(ProviderSpec.TokenResponsePaths.STANDARD);

    ProviderSpec.OAuthSettings slack = catalog.find("slack").orElseThrow().oauth();
    assertThat(slack.scopeSeparator()).isEqualTo(",");
    assertThat(slack.scopeParam()).isEqualTo("user_scope");
    assertThat(slack.tokenResponse().accessToken()).isEqualTo("authed_user.access_token");
    assertThat(slack.revocationStyle()).isEqualTo(RevocationStyle.BEARER);

    ProviderSpec.OAuthSettings notion = catalog.find("notion").orElseThrow().oauth();
    assertThat(notion.clientAuth()).isEqualTo(ClientAuth.BASIC);
    assertThat(notion.tokenRequestFormat()).isEqualTo(RequestFormat.JSON);
    assertThat(notion.authorizationParams()).containsEntry("owner", "user");

    ProviderSpec.OAuthSettings outlook = catalog.find("outlook").orElseThrow().oauth();
    assertThat(outlook.authorizationUrl())
        .isEqualTo("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize");
    assertThat(outlook.urlParams()).containsEntry("tenant", "common");
    assertThat(outlook.optionalScopes()).containsExactly("offline_access");

    ProviderSpec telegram = catalog.find("telegram").orElseThrow();
    assertThat(telegram.api().credentialIn()).isEqualTo("path");
    assertThat(telegram.api().credentialFormat()).isEqualTo("bot{token}");
    assertThat(telegram.verify().success()).isEqualTo("ok");
  }

  @Test
  void a_providers_file_adds_a_provider_with_no_code() throws IOException {
    ProviderCatalog catalog =
        load(
            """
        acme_crm:
          name: Acme CRM
          description: Contacts in Acme
          auth: oauth2
          authorization_url: https://auth.acme.test/authorize
          token_url: https://auth.acme.test/token
          scopes: [contacts.read]
          base_url: https://api.acme.test/v2
          verify: {method: GET, path: /me, account_id: id, account_name: email}
        """);

    ProviderSpec acme = catalog.find("acme_crm").orElseThrow();
    assertThat(catalog.providers()).last().isEqualTo(acme);
    assertThat(acme.icon()).isEqualTo("plug");
    assertThat(acme.credentialsGroup()).isEqualTo("acme_crm");
    assertThat(acme.oauth().scopes()).containsExactly("contacts.read");
    assertThat(acme.api().credentialFormat()).isEqualTo("Bearer {token}");
  }

  @Test
  void a_providers_file_overrides_single_fields_of_a_bundled_entry_and_keeps_the_rest()
      throws IOException {
    ProviderCatalog catalog =
        load(
            """
        gmail:
          token_url: http://127.0.0.1:9999/token
          verify: {path: /profile}
        """);

    ProviderSpec gmail = catalog.find("gmail").orElseThrow();
    assertThat(gmail.oauth().tokenUrl()).isEqualTo("http://127.0.0.1:9999/token");
    assertThat(gmail.oauth().authorizationUrl())
        .isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
    assertThat(gmail.verify().path()).isEqualTo("/profile");
    assertThat(gmail.verify().accountId()).isEqualTo("emailAddress");
    assertThat(catalog.providers()).hasSize(12);
  }

  @Test
  void an_unknown_field_is_named_with_its_entry_and_file() throws IOException {
    Path file = file("slack:\n  scope_seperator: \",\"\n");

    assertThatThrownBy(() -> ProviderCatalog.load(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(
            "providers.yaml + "
                + file
                + ": provider 'slack', field 'scope_seperator':"
                + " unknown field (known fields: ");
  }

  @Test
  void a_new_entry_without_a_verify_call_is_refused() throws IOException {
    assertThatThrownBy(
            () ->
                load(
                    """
        acme:
          name: Acme
          description: Acme
          auth: bot_token
          base_url: https://api.acme.test
        """))
        .hasMessageContaining("provider 'acme', field 'verify': is required");
  }

  @Test
  void malformed_values_are_refused_naming_the_field() throws IOException {
    assertThatThrownBy(() -> load("gmail:\n  token_url: ftp://example.com/token\n"))
        .hasMessageEndingWith(
            "provider 'gmail', field 'token_url': must be an http(s) URL, not 'ftp://example.com/token'.");
    assertThatThrownBy(() -> load("gmail:\n  auth: password\n"))
        .hasMessageEndingWith(
            "provider 'gmail', field 'auth': must be one of oauth2, bot_token, api_key.");
    assertThatThrownBy(() -> load("gmail:\n  pkce: sometimes\n"))
        .hasMessageEndingWith("provider 'gmail', field 'pkce': must be true or false.");
    assertThatThrownBy(() -> load("gmail:\n  client_auth: jwt\n"))
        .hasMessageEndingWith("provider 'gmail', field 'client_auth': must be one of body, basic.");
    assertThatThrownBy(() -> load("outlook:\n  token_url: https://login.example/{tennant}/token\n"))
        .hasMessageEndingWith(
            "provider 'outlook', field 'token_url': uses {tennant}, which url_params does not define.");
    assertThatThrownBy(() -> load("telegram:\n  token_url: https://example.com/token\n"))
        .hasMessageEndingWith(
            "provider 'telegram', field 'token_url': applies to auth: oauth2 only.");
    assertThatThrownBy(() -> load("dropbox:\n  capabilities: [files, calendar]\n"))
        .hasMessageEndingWith(
            "provider 'dropbox', field 'capabilities': 'calendar' is not a capability (mail, files, messages).");
    assertThatThrownBy(() -> load("telegram:\n  credential: {format: \"bot\"}\n"))
        .hasMessageEndingWith(
            "provider 'telegram', field 'credential.format': must contain {token} where the token goes.");
    assertThatThrownBy(() -> load("Bad-Key:\n  name: x\n"))
        .hasMessageContaining("provider 'Bad-Key': a key is lower_snake_case");
  }

  @Test
  void dropbox_names_its_content_host_which_an_override_moves_and_a_malformed_one_is_refused()
      throws IOException {
    assertThat(ProviderCatalog.bundled().find("dropbox").orElseThrow().api().contentUrl())
        .isEqualTo("https://content.dropboxapi.com/2");
    assertThat(
            load("dropbox:\n  content_url: http://127.0.0.1:9999/2\n")
                .find("dropbox")
                .orElseThrow()
                .api()
                .contentUrl())
        .isEqualTo("http://127.0.0.1:9999/2");
    assertThat(ProviderCatalog.bundled().find("onedrive").orElseThrow().api().contentUrl())
        .isNull();
    assertThatThrownBy(() -> load("dropbox:\n  content_url: content.dropboxapi.com\n"))
        .hasMessageEndingWith(
            "provider 'dropbox', field 'content_url': must be an http(s) URL, not 'content.dropboxapi.com'.");
    assertThatThrownBy(() -> load("dropbox:\n  content_url: https://{region}.dropboxapi.com\n"))
        .hasMessageEndingWith(
            "provider 'dropbox', field 'content_url': uses {region}, which url_params does not define.");
  }

  @Test
  void a_file_that_is_not_a_mapping_or_not_yaml_is_refused() throws IOException {
    assertThatThrownBy(() -> load("- gmail\n- slack\n"))
        .hasMessageEndingWith("must be a mapping from provider keys to their entries.");
    assertThatThrownBy(() -> load("gmail: [unclosed\n")).hasMessageContaining("is not valid YAML");
    assertThatThrownBy(() -> ProviderCatalog.load(dir.resolve("missing.yaml")))
        .hasMessageStartingWith("Cannot read the providers file");
  }

  @Test
  void an_empty_providers_file_changes_nothing() throws IOException {
    assertThat(load("# nothing yet\n").providers()).hasSize(12);
  }
}
