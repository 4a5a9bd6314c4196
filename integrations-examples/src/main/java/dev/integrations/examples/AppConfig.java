package dev.integrations.examples;

import dev.integrations.providers.google.GoogleProviders;
import dev.integrations.providers.telegram.TelegramProviders;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The host application's settings, read from the same keys the bundled server uses (see {@code
 * docs/configuration.md}). An application with its own configuration system reads them there
 * instead.
 *
 * @param dbUrl JDBC URL of the database: an H2 file, or PostgreSQL for several instances
 * @param dbUser database login, empty for none
 * @param dbPassword database password, empty for none
 * @param dataDir where a generated encryption key is kept when {@code encryptionKey} is blank
 * @param encryptionKey base64 of 32 bytes, the AES-256-GCM key for tokens at rest
 * @param oldEncryptionKeys comma-separated former keys, still able to decrypt, for rotation
 * @param googleClientId Google OAuth client id
 * @param googleClientSecret Google OAuth client secret
 * @param googleAuthUri Google's authorization endpoint (a local server in tests)
 * @param googleTokenUri Google's token endpoint
 * @param googleRevokeUri Google's revocation endpoint
 * @param googleApiRootUrl one root URL for the Gmail and Drive APIs, null for Google's
 * @param telegramApiUrl the Bot API base URL
 * @param callbackUrl the application's OAuth callback route, registered with Google
 */
public record AppConfig(
    String dbUrl,
    String dbUser,
    String dbPassword,
    Path dataDir,
    String encryptionKey,
    String oldEncryptionKeys,
    String googleClientId,
    String googleClientSecret,
    URI googleAuthUri,
    URI googleTokenUri,
    URI googleRevokeUri,
    String googleApiRootUrl,
    String telegramApiUrl,
    URI callbackUrl) {

  /**
   * The settings in {@code env} (for example {@code System.getenv()}), with the documented
   * defaults.
   */
  public static AppConfig from(Map<String, String> env) {
    Path dataDir = Path.of(env.getOrDefault("INTEGRATIONS_DATA_DIR", "./data"));
    return new AppConfig(
        env.getOrDefault("INTEGRATIONS_DB_URL", "jdbc:h2:file:" + dataDir.resolve("integrations")),
        env.getOrDefault("INTEGRATIONS_DB_USER", ""),
        env.getOrDefault("INTEGRATIONS_DB_PASSWORD", ""),
        dataDir,
        env.get("INTEGRATIONS_ENCRYPTION_KEY"),
        env.get("INTEGRATIONS_ENCRYPTION_OLD_KEYS"),
        env.get("GOOGLE_CLIENT_ID"),
        env.get("GOOGLE_CLIENT_SECRET"),
        uri(env, "GOOGLE_AUTH_URI", GoogleProviders.DEFAULT_AUTHORIZATION_URI),
        uri(env, "GOOGLE_TOKEN_URI", GoogleProviders.DEFAULT_TOKEN_URI),
        uri(env, "GOOGLE_REVOKE_URI", GoogleProviders.DEFAULT_REVOCATION_URI),
        env.get("GOOGLE_API_ROOT_URL"),
        env.getOrDefault("TELEGRAM_API_URL", TelegramProviders.DEFAULT_API_URL),
        uri(
            env,
            "APP_OAUTH_CALLBACK_URL",
            URI.create("http://localhost:8080/integrations/callback")));
  }

  private static URI uri(Map<String, String> env, String key, URI fallback) {
    String value = env.get(key);
    return value == null || value.isBlank() ? fallback : URI.create(value);
  }
}
