package dev.integrations.providers.telegram;

import dev.integrations.core.port.ProviderPort;
import dev.integrations.providers.RetrySettings;
import dev.integrations.providers.catalog.GenericAdapters;
import dev.integrations.providers.catalog.ProviderCatalog;
import dev.integrations.providers.catalog.ProviderSpec;
import dev.integrations.providers.telegram.internal.BotApi;
import dev.integrations.providers.telegram.internal.ChatPacer;
import dev.integrations.providers.telegram.internal.Rate;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Entry point of the Telegram adapter: configure it with {@link #builder()}, then hand {@link
 * #provider()} to the core. The provider is a {@link
 * dev.integrations.core.port.BotTokenProviderPort} and a {@link
 * dev.integrations.core.port.MessagingPort} for the {@code telegram} integration.
 *
 * <p>Immutable and thread-safe; build one per process so that its pacing covers every send.
 */
public final class TelegramProviders {
  /** Telegram's public Bot API; self-hosted Bot API servers serve the same paths. */
  public static final String DEFAULT_API_URL = "https://api.telegram.org";

  private final TelegramBotClient client;

  private TelegramProviders(TelegramBotClient client) {
    this.client = client;
  }

  /**
   * A builder with Telegram's public API, its documented limits, moderate timeouts and the
   * providers' {@linkplain RetrySettings#defaults() default retries}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code telegram} provider adapter. */
  public ProviderPort provider() {
    return client;
  }

  @Override
  public String toString() {
    return "TelegramProviders[" + client + "]";
  }

  /**
   * Configures {@link TelegramProviders}. Not thread-safe; {@link #build()} copies the settings, so
   * a builder may be reused.
   */
  public static final class Builder {
    private HttpUrl apiUrl = HttpUrl.get(DEFAULT_API_URL);
    private OkHttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(15);
    private RetrySettings retries = RetrySettings.defaults();
    private ChatPacer.Limits limits = ChatPacer.Limits.telegramDefaults();
    private ProviderSpec catalogEntry;

    private Builder() {}

    /** The catalog entry whose API the proxy calls, at {@link #apiUrl}; default the bundled one. */
    Builder catalogEntry(ProviderSpec entry) {
      this.catalogEntry = Objects.requireNonNull(entry, "entry");
      return this;
    }

    /**
     * The Bot API base URL ({@code TELEGRAM_API_URL}), default {@value #DEFAULT_API_URL}; may carry
     * a path prefix.
     */
    public Builder apiUrl(String url) {
      HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url"));
      if (parsed == null) {
        throw new IllegalArgumentException(
            "The Telegram API URL must be an http:// or https:// URL.");
      }
      this.apiUrl = parsed;
      return this;
    }

    /**
     * The process's shared OkHttp client, whose connection pool and dispatcher are reused; the
     * timeouts set here apply on top of it. Its interceptors and event listeners see URLs that
     * contain the bot token: do not attach one that logs URLs.
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** How long to wait for a connection to Telegram, default 5 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for each read or write on that connection, default 15 s. One attempt as a
     * whole may take the connect timeout plus twice this.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * How hard Bot API calls are retried, default {@link RetrySettings#defaults()}. Retried: a 429
     * after Telegram's {@code retry_after} (one longer than {@link RetrySettings#maxRetryAfter()}
     * or than what is left fails at once with {@code rate_limited} and Telegram's wait); a 5xx or
     * an I/O error only for a call that may be repeated, or when the request never left.
     */
    public Builder retries(RetrySettings retries) {
      this.retries = Objects.requireNonNull(retries, "retries");
      return this;
    }

    /** At most {@code messages} per {@code period} to one chat, default 1 per second. */
    public Builder perChatRate(int messages, Duration period) {
      this.limits =
          new ChatPacer.Limits(
              new Rate(messages, period), limits.perGroup(), limits.perBot(), limits.maxWait());
      return this;
    }

    /**
     * At most {@code messages} per {@code period} to one group or channel, default 20 per minute.
     */
    public Builder perGroupRate(int messages, Duration period) {
      this.limits =
          new ChatPacer.Limits(
              limits.perChat(), new Rate(messages, period), limits.perBot(), limits.maxWait());
      return this;
    }

    /**
     * At most {@code messages} per {@code period} from one bot, all chats together, default 30 per
     * second.
     */
    public Builder perBotRate(int messages, Duration period) {
      this.limits =
          new ChatPacer.Limits(
              limits.perChat(), limits.perGroup(), new Rate(messages, period), limits.maxWait());
      return this;
    }

    /**
     * The longest a send waits for its chat's next free slot, default 30 s; a send that would wait
     * longer fails at once with {@code rate_limited}.
     */
    public Builder maxPacingWait(Duration wait) {
      Objects.requireNonNull(wait, "wait");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("maxPacingWait must not be negative");
      }
      this.limits =
          new ChatPacer.Limits(limits.perChat(), limits.perGroup(), limits.perBot(), wait);
      return this;
    }

    /** A new, independent {@link TelegramProviders} with these settings. */
    public TelegramProviders build() {
      if (!apiUrl.scheme().equals("http") && !apiUrl.scheme().equals("https")) {
        throw new IllegalArgumentException(
            "The Telegram API URL must be an http:// or https:// URL.");
      }
      OkHttpClient base = httpClient != null ? httpClient : new OkHttpClient();
      OkHttpClient http =
          base.newBuilder()
              .connectTimeout(connectTimeout)
              .readTimeout(readTimeout)
              .writeTimeout(readTimeout)
              .callTimeout(connectTimeout.plus(readTimeout.multipliedBy(2)))
              .followRedirects(false)
              .build();
      BotApi api = new BotApi(http, apiUrl, retries);
      ProviderSpec entry =
          catalogEntry != null
              ? catalogEntry
              : ProviderCatalog.bundled().find("telegram").orElseThrow();
      return new TelegramProviders(
          new TelegramBotClient(
              api,
              new ChatPacer(limits),
              GenericAdapters.proxy(entry.withBaseUrl(apiUrl.toString()), http)));
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
