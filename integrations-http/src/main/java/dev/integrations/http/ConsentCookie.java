package dev.integrations.http;

import dev.integrations.core.model.Secret;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * The browser binding of a pending OAuth consent, as a cookie: set by {@code POST /connect} in the
 * browser that starts the flow, read and cleared by the callback. {@code HttpOnly} (no script reads
 * it), {@code SameSite=Lax} (sent on the provider's top-level redirect back, not on cross-site
 * sub-requests), {@code Path} limited to the callback, {@code Secure} when the public URL is https,
 * and as short-lived as the pending request. Each state has its own cookie name, so two consents
 * started in one browser do not overwrite each other's binding.
 *
 * <p>Thread-safe.
 */
final class ConsentCookie {
  static final String PREFIX = "integrations_consent_";
  private static final DateTimeFormatter EXPIRES =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final String path;
  private final boolean secure;

  /** Cookies for the callback at {@code redirectUri}. */
  ConsentCookie(URI redirectUri) {
    String rawPath = redirectUri.getRawPath();
    this.path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    this.secure = "https".equalsIgnoreCase(redirectUri.getScheme());
  }

  /** The cookie's name for {@code state}: a digest of it, so the name itself tells nothing. */
  static String name(String state) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Hands {@code binding} to the browser for the consent with {@code state}, for {@code lifetime}.
   */
  void set(Context ctx, Secret state, Secret binding, Duration lifetime) {
    long seconds = Math.max(1, lifetime.toSeconds());
    write(ctx, name(state.reveal()), binding.reveal(), seconds);
  }

  /** The binding the browser brought back for {@code state}, or null. */
  Secret read(Context ctx, String state) {
    return Secret.ofNullable(ctx.cookie(name(state)));
  }

  /** Tells the browser to forget the binding of {@code state}. */
  void clear(Context ctx, String state) {
    write(ctx, name(state), "", 0);
  }

  /** Max-Age for today's browsers, and the same moment as Expires for older cookie parsers. */
  private void write(Context ctx, String name, String value, long maxAgeSeconds) {
    Instant expires = maxAgeSeconds == 0 ? Instant.EPOCH : Instant.now().plusSeconds(maxAgeSeconds);
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Max-Age="
                + maxAgeSeconds
                + "; Expires="
                + EXPIRES.format(expires)
                + "; Path="
                + path
                + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
  }
}
