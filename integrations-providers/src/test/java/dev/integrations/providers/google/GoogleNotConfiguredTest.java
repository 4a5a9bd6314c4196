package dev.integrations.providers.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.NotConfiguredException;
import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.FileQuery;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.MailMessage;
import dev.integrations.core.model.MailQuery;
import dev.integrations.core.model.RevocationResult;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.OAuthProviderPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleNotConfiguredTest {
  private static final String MESSAGE =
      "Google integrations are not configured: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET.";

  private final GoogleProviders google =
      GoogleProviders.builder().clientId(null).clientSecret(null).build();

  @Test
  void without_client_id_and_secret_the_catalog_entries_are_still_there() {
    assertThat(google.isConfigured()).isFalse();
    assertThat(google.gmail().integration().type()).isEqualTo(IntegrationType.GMAIL);
    assertThat(google.gmail().integration().name()).isEqualTo("Gmail");
    assertThat(google.gmail().integration().description())
        .isEqualTo("Send and receive emails via Gmail API");
    assertThat(google.gmail().integration().icon()).isEqualTo("mail");
    assertThat(google.gmail().integration().authMethod()).isEqualTo(AuthMethod.OAUTH2);
    assertThat(google.gmail().integration().requiredScopes())
        .containsExactlyInAnyOrder(
            "https://www.googleapis.com/auth/gmail.send",
            "https://www.googleapis.com/auth/gmail.readonly");
    assertThat(google.drive().integration().type()).isEqualTo(IntegrationType.GOOGLE_DRIVE);
    assertThat(google.drive().integration().name()).isEqualTo("Google Drive");
    assertThat(google.drive().integration().description())
        .isEqualTo("Upload and manage files in Google Drive");
    assertThat(google.drive().integration().icon()).isEqualTo("hard-drive");
    assertThat(google.drive().integration().requiredScopes())
        .containsExactly("https://www.googleapis.com/auth/drive.file");
  }

  @Test
  void every_call_says_what_to_configure() {
    OAuthProviderPort gmail = (OAuthProviderPort) google.gmail();
    OAuthProviderPort drive = (OAuthProviderPort) GoogleProviders.notConfigured().drive();

    List<Runnable> calls =
        List.of(
            () ->
                gmail.authorizationUrl(
                    GoogleTestSupport.authorizationRequest(IntegrationType.GMAIL)),
            () ->
                gmail.exchange(
                    GoogleTestSupport.authorizationRequest(IntegrationType.GMAIL), "code"),
            () -> gmail.refresh(GoogleTestSupport.credentials()),
            () -> gmail.test(GoogleTestSupport.credentials()),
            () ->
                ((MailPort) gmail)
                    .send(
                        GoogleTestSupport.credentials(),
                        MailMessage.text(List.of("ann@example.com"), "s", "b")),
            () -> ((MailPort) gmail).search(GoogleTestSupport.credentials(), new MailQuery("", 1)),
            () -> drive.test(GoogleTestSupport.credentials()),
            () ->
                ((FilesPort) drive)
                    .list(GoogleTestSupport.credentials(), new FileQuery("", 1, null)));

    assertThat(calls)
        .allSatisfy(
            call ->
                assertThatThrownBy(call::run)
                    .isInstanceOf(NotConfiguredException.class)
                    .hasMessage(MESSAGE)
                    .satisfies(
                        e ->
                            assertThat(((NotConfiguredException) e).code())
                                .isEqualTo(ErrorCode.NOT_CONFIGURED)));
  }

  @Test
  void revoking_does_not_throw_so_a_local_disconnect_still_works() {
    RevocationResult result = google.drive().revoke(GoogleTestSupport.credentials());

    assertThat(result.revoked()).isFalse();
    assertThat(result.message()).isEqualTo(MESSAGE);
  }

  @Test
  void a_client_id_without_a_secret_is_a_configuration_error() {
    assertThatThrownBy(() -> GoogleProviders.builder().clientId("id").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GOOGLE_CLIENT_SECRET");
    assertThatThrownBy(() -> GoogleProviders.builder().clientSecret(Secret.of("s")).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
