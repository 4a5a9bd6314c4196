package dev.integrations.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings a test passes to the composition root to run the server on 127.0.0.1: a fresh data
 * directory with an H2 database in it, a random JWT secret and encryption key. Immutable; {@link
 * #env()} hands out a copy the test may add to.
 */
public final class ServerEnvironment {
  /** The data directory, new and empty when this was created. */
  public final Path dataDir;

  /** The H2 database in {@link #dataDir}, for tests that must see or age what the server stored. */
  public final String dbUrl;

  /** The secret the server checks bearer tokens with (HMAC). */
  public final String jwtSecret = randomBase64(32);

  private final Map<String, String> env = new HashMap<>();

  private ServerEnvironment(String prefix, int port) {
    try {
      dataDir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dbUrl = "jdbc:h2:file:" + dataDir.resolve("db").toAbsolutePath();
    env.put("INTEGRATIONS_DATA_DIR", dataDir.toString());
    env.put("INTEGRATIONS_DB_URL", dbUrl);
    env.put("INTEGRATIONS_HOST", "127.0.0.1");
    env.put("INTEGRATIONS_PORT", String.valueOf(port));
    env.put("INTEGRATIONS_JWT_SECRET", jwtSecret);
    env.put("INTEGRATIONS_ENCRYPTION_KEY", randomBase64(32));
  }

  /**
   * A new environment in a temporary directory named {@code prefix…}, for a server on {@code port}
   * (0: any).
   */
  public static ServerEnvironment create(String prefix, int port) {
    return new ServerEnvironment(prefix, port);
  }

  /** The settings ({@code INTEGRATIONS_*}), as a new map. */
  public Map<String, String> env() {
    return new HashMap<>(env);
  }

  /**
   * A valid token for {@code user}, signed with this environment's secret and expiring in an hour.
   */
  public String token(String user) {
    return JWT.create()
        .withSubject(user)
        .withIssuedAt(Instant.now())
        .withExpiresAt(Instant.now().plusSeconds(3600))
        .sign(Algorithm.HMAC256(jwtSecret));
  }

  private static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }
}
