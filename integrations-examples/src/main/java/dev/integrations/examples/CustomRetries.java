package dev.integrations.examples;

import dev.integrations.core.model.Secret;
import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.google.GoogleProviders;
import dev.integrations.providers.telegram.TelegramProviders;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/** Google and Telegram retrying less than the defaults, with one set of retry settings for both. */
public final class CustomRetries {
  private CustomRetries() {}

  /** The Gmail, Drive and Telegram adapters, each call tried at most three times. */
  public static List<ProviderPort> providers(AppConfig config, OkHttpClient http) {
    // tag::retries[]
    RetrySettings retries =
        RetrySettings.builder()
            .maxAttempts(3) // the first attempt included
            .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
            .maxRetryAfter(Duration.ofSeconds(5)) // a longer Retry-After: rate_limited at once
            .build(); // immutable: share it
    GoogleProviders google =
        GoogleProviders.builder()
            .clientId(config.googleClientId())
            .clientSecret(Secret.ofNullable(config.googleClientSecret()))
            .apiRootUrl(config.googleApiRootUrl())
            .httpClient(http)
            .retries(retries)
            .build();
    TelegramProviders telegram =
        TelegramProviders.builder()
            .apiUrl(config.telegramApiUrl())
            .httpClient(http)
            .retries(retries)
            .build();
    // end::retries[]
    return List.of(google.gmail(), google.drive(), telegram.provider());
  }
}
