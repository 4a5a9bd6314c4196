package dev.integrations.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how connection events are delivered as Standard Webhooks: {@code
 * INTEGRATIONS_WEBHOOK_URL}, {@code INTEGRATIONS_WEBHOOK_SECRET} ({@code whsec_} and the base64 of
 * the signing key), and the delivery tuning keys. Webhooks are off while the URL is unset.
 * Immutable; {@code toString()} never shows the secret.
 *
 * @param endpoint where deliveries are POSTed, null when webhooks are off
 * @param key the HMAC-SHA256 signing key (the decoded secret), empty when off
 * @param retrySchedule the waits before the second, third... attempt ({@code
 *     INTEGRATIONS_WEBHOOK_RETRY_SCHEDULE}, default the specification's 5s, 5m, 30m, 2h, 5h, 10h,
 *     10h); the first attempt is immediate, and a delivery is given up after the last wait's
 *     attempt
 * @param timeout how long one attempt may take ({@code INTEGRATIONS_WEBHOOK_TIMEOUT}, default 15 s)
 * @param pollInterval how often a server looks for due deliveries ({@code
 *     INTEGRATIONS_WEBHOOK_POLL_INTERVAL}, default 1 s)
 */
public record WebhookSettings(
    URI endpoint,
    byte[] key,
    List<Duration> retrySchedule,
    Duration timeout,
    Duration pollInterval) {
  /** The specification's schedule after the immediate first attempt. */
  public static final List<Duration> DEFAULT_RETRY_SCHEDULE =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  private static final String SECRET_PREFIX = "whsec_";

  /** Copies the key and schedule. */
  public WebhookSettings {
    key = key.clone();
    retrySchedule = List.copyOf(retrySchedule);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
  }

  /** Reads the webhook keys of {@code settings}. */
  public static WebhookSettings from(Settings settings) {
    String url =
        settings
            .setting("INTEGRATIONS_WEBHOOK_URL")
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElse(null);
    String secret = settings.setting("INTEGRATIONS_WEBHOOK_SECRET").map(String::strip).orElse(null);
    URI endpoint = url == null ? null : endpoint(url);
    byte[] key = new byte[0];
    if (endpoint != null) {
      if (secret == null || secret.isEmpty()) {
        throw new InvalidConfigurationException(
            "INTEGRATIONS_WEBHOOK_URL is set, so INTEGRATIONS_WEBHOOK_SECRET must be too: whsec_ and the base64"
                + " of 24 to 64 random bytes (for example: echo whsec_$(openssl rand -base64 32)).");
      }
      key = key(secret);
    } else if (secret != null && !secret.isEmpty()) {
      key(secret); // a malformed secret is reported even while the URL is unset
    }
    return new WebhookSettings(
        endpoint,
        key,
        settings
            .setting("INTEGRATIONS_WEBHOOK_RETRY_SCHEDULE")
            .map(WebhookSettings::schedule)
            .orElse(DEFAULT_RETRY_SCHEDULE),
        duration(settings, "INTEGRATIONS_WEBHOOK_TIMEOUT", Duration.ofSeconds(15)),
        duration(settings, "INTEGRATIONS_WEBHOOK_POLL_INTERVAL", Duration.ofSeconds(1)));
  }

  /** Whether webhooks are configured. */
  public boolean enabled() {
    return endpoint != null;
  }

  /** The signing key; a copy. */
  @Override
  public byte[] key() {
    return key.clone();
  }

  /**
   * How long a claimed delivery stays claimed: twice an attempt's timeout, so a live sender always
   * records its outcome first, and a delivery whose server died is sent again soon after.
   */
  public Duration lease() {
    return timeout.multipliedBy(2);
  }

  private static URI endpoint(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidConfigurationException(
        "INTEGRATIONS_WEBHOOK_URL must be an http(s) URL, not '" + url + "'.");
  }

  /** The key of a {@code whsec_<base64>} secret, 24 to 64 bytes (Standard Webhooks: 24 to 64). */
  static byte[] key(String secret) {
    String malformed =
        "INTEGRATIONS_WEBHOOK_SECRET must be whsec_ followed by the base64 of 24 to 64 random"
            + " bytes (for example: echo whsec_$(openssl rand -base64 32)).";
    if (!secret.startsWith(SECRET_PREFIX)) {
      throw new InvalidConfigurationException(malformed + " It does not start with whsec_.");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(malformed + " What follows whsec_ is not base64.");
    }
    if (key.length < 24 || key.length > 64) {
      throw new InvalidConfigurationException(
          malformed + " It decodes to " + key.length + " bytes.");
    }
    return key;
  }

  private static List<Duration> schedule(String text) {
    List<Duration> waits = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        waits.add(Durations.parse(part));
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException(
            "INTEGRATIONS_WEBHOOK_RETRY_SCHEDULE must list positive durations"
                + " separated by commas, such as 5s,5m,30m,2h,5h,10h,10h, not '"
                + text
                + "'.");
      }
    }
    return waits;
  }

  private static Duration duration(Settings settings, String key, Duration fallback) {
    String value = settings.setting(key).orElse(null);
    if (value == null) {
      return fallback;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          key
              + " must be a positive duration such as 90s, 10m, 24h or PT10M, not '"
              + value
              + "'.");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookSettings other
        && Objects.equals(endpoint, other.endpoint)
        && Arrays.equals(key, other.key)
        && retrySchedule.equals(other.retrySchedule)
        && timeout.equals(other.timeout)
        && pollInterval.equals(other.pollInterval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, retrySchedule, timeout, pollInterval);
  }

  @Override
  public String toString() {
    return "WebhookSettings[endpoint="
        + endpoint
        + ", key=***, retrySchedule="
        + retrySchedule
        + ", timeout="
        + timeout
        + ", pollInterval="
        + pollInterval
        + "]";
  }
}
