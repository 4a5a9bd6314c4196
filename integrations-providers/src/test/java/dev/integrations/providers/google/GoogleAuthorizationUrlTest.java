package dev.integrations.providers.google;

import static dev.integrations.providers.google.GoogleTestSupport.CLIENT_ID;
import static dev.integrations.providers.google.GoogleTestSupport.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.OAuthProviderPort;
import java.net.URI;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class GoogleAuthorizationUrlTest {
  private final GoogleProviders google =
      GoogleProviders.builder().clientId(CLIENT_ID).clientSecret(Secret.of("s3cret")).build();

  @Test
  void gmail_consent_url_carries_client_redirect_scopes_state_pkce_and_offline_access() {
    AuthorizationRequest request = GoogleTestSupport.authorizationRequest(IntegrationType.GMAIL);

    URI uri = ((OAuthProviderPort) google.gmail()).authorizationUrl(request);

    HttpUrl url = HttpUrl.get(uri);
    assertThat(url.scheme() + "://" + url.host() + url.encodedPath())
        .isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
    assertThat(url.queryParameter("client_id")).isEqualTo(CLIENT_ID);
    assertThat(url.queryParameter("redirect_uri")).isEqualTo(REDIRECT_URI.toString());
    assertThat(url.queryParameter("response_type")).isEqualTo("code");
    assertThat(Set.of(url.queryParameter("scope").split(" ")))
        .containsExactlyInAnyOrder(
            "https://www.googleapis.com/auth/gmail.send",
            "https://www.googleapis.com/auth/gmail.readonly");
    assertThat(url.queryParameter("state")).isEqualTo(request.state().reveal());
    assertThat(url.queryParameter("code_challenge")).isEqualTo(request.codeChallenge());
    assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(url.queryParameter("access_type")).isEqualTo("offline");
    assertThat(url.queryParameter("prompt")).isEqualTo("consent");
    assertThat(uri.toString())
        .doesNotContain(request.codeVerifier().reveal())
        .doesNotContain("s3cret");
  }

  @Test
  void drive_consent_url_asks_for_drive_file_only() {
    AuthorizationRequest request =
        GoogleTestSupport.authorizationRequest(IntegrationType.GOOGLE_DRIVE);

    HttpUrl url = HttpUrl.get(((OAuthProviderPort) google.drive()).authorizationUrl(request));

    assertThat(url.queryParameter("scope")).isEqualTo("https://www.googleapis.com/auth/drive.file");
  }

  @Test
  void configured_authorization_endpoint_replaces_googles() {
    GoogleProviders local =
        GoogleProviders.builder()
            .clientId(CLIENT_ID)
            .clientSecret(Secret.of("s3cret"))
            .authorizationUri(URI.create("http://127.0.0.1:9/authorize"))
            .build();

    URI uri =
        ((OAuthProviderPort) local.gmail())
            .authorizationUrl(GoogleTestSupport.authorizationRequest(IntegrationType.GMAIL));

    assertThat(uri.toString()).startsWith("http://127.0.0.1:9/authorize?");
  }
}
