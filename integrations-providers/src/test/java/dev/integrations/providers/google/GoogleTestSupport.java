package dev.integrations.providers.google;

import dev.integrations.core.model.AuthorizationRequest;
import dev.integrations.core.model.Credentials;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.providers.RetrySettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** Builders and fixtures shared by the Google adapter tests. */
final class GoogleTestSupport {
  static final String CLIENT_ID = "test-client-id.apps.googleusercontent.com";
  static final String CLIENT_SECRET = "test-client-secret";
  static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8000/api/integrations/callback");
  static final Duration RETRY_BUDGET = Duration.ofSeconds(2);

  private GoogleTestSupport() {}

  /** Providers whose every endpoint is on {@code server}, with short timeouts and retries. */
  static GoogleProviders.Builder against(MockWebServer server) {
    return GoogleProviders.builder()
        .clientId(CLIENT_ID)
        .clientSecret(Secret.of(CLIENT_SECRET))
        .authorizationUri(server.url("/o/oauth2/v2/auth").uri())
        .tokenUri(server.url("/token").uri())
        .revocationUri(server.url("/revoke").uri())
        .apiRootUrl(server.url("/").toString())
        .timeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(2))
        .retries(
            RetrySettings.builder()
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .maxAttempts(4)
                .maxDuration(RETRY_BUDGET)
                .build());
  }

  static Credentials credentials() {
    return new Credentials(
        Secret.of("access-token-1"),
        Secret.of("refresh-token-1"),
        Instant.now().plusSeconds(3600),
        Set.of(GoogleCatalog.GMAIL_SEND, GoogleCatalog.GMAIL_READONLY, GoogleCatalog.DRIVE_FILE));
  }

  static AuthorizationRequest authorizationRequest(IntegrationType type) {
    return new AuthorizationRequest(
        Secret.of("state-" + System.nanoTime()),
        UserId.of("ann"),
        type,
        Secret.of("verifier-0123456789-0123456789-0123456789-abcdefgh"),
        REDIRECT_URI,
        Instant.now().plusSeconds(600));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=UTF-8")
        .body(body)
        .build();
  }

  /** A Google API error answer in the shape of https://cloud.google.com/apis/design/errors. */
  static MockResponse googleError(int code, String status, String reason, String message) {
    return json(
        code,
        """
        {"error": {"code": %d, "message": "%s", "status": "%s",
          "errors": [{"message": "%s", "domain": "global", "reason": "%s"}]}}
        """
            .formatted(code, message, status, message, reason));
  }

  /** The form fields of an {@code application/x-www-form-urlencoded} request body. */
  static Map<String, String> form(RecordedRequest request) {
    String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    HttpUrl parsed = HttpUrl.get("http://x/?" + body);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : parsed.queryParameterNames()) {
      fields.put(name, parsed.queryParameter(name));
    }
    return fields;
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
  }
}
