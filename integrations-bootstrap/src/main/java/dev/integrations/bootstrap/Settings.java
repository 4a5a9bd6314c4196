package dev.integrations.bootstrap;

import dev.integrations.core.model.Secret;
import dev.integrations.core.service.Integrations;
import dev.integrations.core.service.Maintenance;
import dev.integrations.providers.HttpUrls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration value of the server and the CLI, read once and validated. Keys and defaults
 * are those of the configuration table in {@code docs/configuration.md}. Secrets print as {@code
 * ***}.
 *
 * @param dataDir where generated keys and the default H2 database live ({@code
 *     INTEGRATIONS_DATA_DIR})
 * @param dbUrl JDBC URL ({@code INTEGRATIONS_DB_URL})
 * @param dbUser database login ({@code INTEGRATIONS_DB_USER}), empty for none
 * @param dbPassword database password ({@code INTEGRATIONS_DB_PASSWORD}), null for none
 * @param encryptionKey base64 AES-256 key ({@code INTEGRATIONS_ENCRYPTION_KEY}), null to generate
 *     one
 * @param previousEncryptionKeys keys that still decrypt old values ({@code
 *     INTEGRATIONS_ENCRYPTION_OLD_KEYS})
 * @param jwtSecret HS256 secret of API callers' JWTs ({@code INTEGRATIONS_JWT_SECRET}), null to
 *     generate
 * @param jwtIssuer the issuer JWTs must carry ({@code INTEGRATIONS_JWT_ISSUER}), null for any
 * @param host where {@code serve} listens ({@code INTEGRATIONS_HOST})
 * @param port where {@code serve} listens ({@code INTEGRATIONS_PORT})
 * @param publicUrl the server's public base URL ({@code INTEGRATIONS_PUBLIC_URL})
 * @param frontendUrl where the browser lands after an OAuth callback ({@code
 *     INTEGRATIONS_FRONTEND_URL})
 * @param providersFile a YAML file that adds providers to the bundled catalog or overrides their
 *     fields ({@code INTEGRATIONS_PROVIDERS_FILE}), null for none
 * @param source every setting as read, for the providers' own keys ({@code <GROUP>_CLIENT_ID},
 *     {@code <GROUP>_CLIENT_SECRET}, {@code GOOGLE_AUTH_URI}, {@code TELEGRAM_API_URL}…), which the
 *     catalog and the provider plug-ins define
 * @param maxUploadBytes the largest file upload the server accepts ({@code
 *     INTEGRATIONS_MAX_UPLOAD_BYTES}, default 100 MiB)
 * @param maxRequestBytes the largest JSON request body the server accepts ({@code
 *     INTEGRATIONS_MAX_REQUEST_BYTES}, default 1 MiB)
 * @param requestDeadline the total time a request may spend on provider calls, retries and waits
 *     included ({@code INTEGRATIONS_REQUEST_DEADLINE}, default 15 s)
 */
public record Settings(
    Path dataDir,
    String dbUrl,
    String dbUser,
    Secret dbPassword,
    Secret encryptionKey,
    List<Secret> previousEncryptionKeys,
    Secret jwtSecret,
    String jwtIssuer,
    String host,
    int port,
    URI publicUrl,
    URI frontendUrl,
    Path providersFile,
    ConfigSource source,
    long maxUploadBytes,
    long maxRequestBytes,
    Duration requestDeadline) {

  public static final String DEFAULT_PUBLIC_URL = "http://localhost:8000";
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1024L * 1024;
  public static final Duration DEFAULT_REQUEST_DEADLINE = Integrations.DEFAULT_REQUEST_DEADLINE;

  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Maintenance.DEFAULT_INTERVAL;
  public static final Duration DEFAULT_KEEPALIVE_IDLE = Maintenance.DEFAULT_KEEPALIVE_IDLE;

  public Settings {
    previousEncryptionKeys = List.copyOf(previousEncryptionKeys);
    if (source != null) {
      maintenanceInterval(source); // refuse a malformed value at start-up, not at first use
      keepaliveIdle(source);
    }
  }

  /**
   * Reads and validates every value from the process environment and the optional properties file.
   */
  public static Settings fromEnvironment() {
    return from(ConfigSource.fromEnvironment());
  }

  /** Reads and validates every value from {@code source}. */
  public static Settings from(ConfigSource source) {
    Path dataDir = Path.of(source.get("INTEGRATIONS_DATA_DIR").orElse("./data"));
    URI publicUrl = url(source, "INTEGRATIONS_PUBLIC_URL", DEFAULT_PUBLIC_URL);
    String publicBase = publicUrl.toString().replaceAll("/+$", "");
    return new Settings(
        dataDir,
        source.get("INTEGRATIONS_DB_URL").orElse("jdbc:h2:file:" + dataDir.resolve("integrations")),
        source.get("INTEGRATIONS_DB_USER").orElse(""),
        secret(source, "INTEGRATIONS_DB_PASSWORD"),
        secret(source, "INTEGRATIONS_ENCRYPTION_KEY"),
        source.get("INTEGRATIONS_ENCRYPTION_OLD_KEYS").stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .map(Secret::of)
            .toList(),
        jwtSecret(source),
        source.get("INTEGRATIONS_JWT_ISSUER").orElse(null),
        source.get("INTEGRATIONS_HOST").orElse("127.0.0.1"),
        port(source),
        publicUrl,
        url(source, "INTEGRATIONS_FRONTEND_URL", publicBase + "/"),
        source.get("INTEGRATIONS_PROVIDERS_FILE").map(Path::of).orElse(null),
        source,
        byteCount(source, "INTEGRATIONS_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES),
        byteCount(source, "INTEGRATIONS_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES),
        duration(source, "INTEGRATIONS_REQUEST_DEADLINE", DEFAULT_REQUEST_DEADLINE));
  }

  /**
   * How often the server's background maintenance runs ({@code INTEGRATIONS_MAINTENANCE_INTERVAL},
   * default 10 minutes): it refreshes tokens that would expire before its next run.
   */
  public Duration maintenanceInterval() {
    return maintenanceInterval(source);
  }

  /**
   * After how long unused the maintenance verifies a connection ({@code
   * INTEGRATIONS_KEEPALIVE_IDLE}, default 24 hours; credentials that never expire: weekly).
   */
  public Duration keepaliveIdle() {
    return keepaliveIdle(source);
  }

  private static Duration maintenanceInterval(ConfigSource source) {
    return duration(source, "INTEGRATIONS_MAINTENANCE_INTERVAL", DEFAULT_MAINTENANCE_INTERVAL);
  }

  private static Duration keepaliveIdle(ConfigSource source) {
    return duration(source, "INTEGRATIONS_KEEPALIVE_IDLE", DEFAULT_KEEPALIVE_IDLE);
  }

  /** The OAuth redirect URI: {@code <public URL>/api/integrations/callback}. */
  public URI redirectUri() {
    return URI.create(publicUrl.toString().replaceAll("/+$", "") + "/api/integrations/callback");
  }

  /**
   * The setting {@code key} as read (a provider's own, such as {@code SLACK_CLIENT_ID}), absent
   * when unset.
   */
  public java.util.Optional<String> setting(String key) {
    return source.get(key);
  }

  /**
   * The {@code aud} every MCP token must name ({@code INTEGRATIONS_MCP_AUDIENCE}); null when any
   * will do.
   */
  public String mcpAudience() {
    return source
        .get("INTEGRATIONS_MCP_AUDIENCE")
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .orElse(null);
  }

  /**
   * The authorization servers MCP clients get their tokens from, as named in the protected-resource
   * metadata ({@code INTEGRATIONS_MCP_AUTHORIZATION_SERVERS}, comma-separated URLs); empty when
   * unset.
   *
   * @throws InvalidConfigurationException when a value is not an http(s) URL
   */
  public List<URI> mcpAuthorizationServers() {
    return source.get("INTEGRATIONS_MCP_AUTHORIZATION_SERVERS").stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .map(
            v ->
                url(
                    ConfigSource.of(java.util.Map.of("INTEGRATIONS_MCP_AUTHORIZATION_SERVERS", v)),
                    "INTEGRATIONS_MCP_AUTHORIZATION_SERVERS",
                    v))
        .toList();
  }

  private static Secret secret(ConfigSource source, String key) {
    return source.get(key).map(Secret::of).orElse(null);
  }

  /** The smallest HS256 key RFC 7518 section 3.2 allows: as many bytes as the hash output. */
  static final int MIN_JWT_SECRET_BYTES = 32;

  private static Secret jwtSecret(ConfigSource source) {
    Secret secret = secret(source, "INTEGRATIONS_JWT_SECRET");
    if (secret != null) {
      int bytes = secret.reveal().getBytes(StandardCharsets.UTF_8).length;
      if (bytes < MIN_JWT_SECRET_BYTES) {
        throw new InvalidConfigurationException(
            "INTEGRATIONS_JWT_SECRET is "
                + bytes
                + " bytes long; HS256 needs at least "
                + MIN_JWT_SECRET_BYTES
                + " (256 bits), or anyone can guess it and sign tokens. Generate one with: openssl rand -base64 32");
      }
    }
    return secret;
  }

  private static int port(ConfigSource source) {
    String value = source.get("INTEGRATIONS_PORT").orElse("8000");
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidConfigurationException(
        "INTEGRATIONS_PORT must be a port number from 0 to 65535, not '" + value + "'.");
  }

  private static long byteCount(ConfigSource source, String key, long fallback) {
    String value = source.get(key).orElse(null);
    if (value == null) {
      return fallback;
    }
    try {
      long bytes = Long.parseLong(value);
      if (bytes > 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidConfigurationException(
        key + " must be a positive number of bytes, not '" + value + "'.");
  }

  private static Duration duration(ConfigSource source, String key, Duration fallback) {
    String value = source.get(key).orElse(null);
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

  private static URI url(ConfigSource source, String key, String fallback) {
    String value = source.get(key).orElse(fallback);
    Optional<URI> uri = HttpUrls.parse(value);
    if (uri.isPresent()) {
      return uri.get();
    }
    throw new InvalidConfigurationException(key + " must be an http(s) URL, not '" + value + "'.");
  }
}
