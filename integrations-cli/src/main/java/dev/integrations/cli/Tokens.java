package dev.integrations.cli;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * API tokens: minted with the configured secret ({@code token}, and the CLI acting through a
 * server).
 */
final class Tokens {
  /** How long a token the CLI mints for one of its own requests lives. */
  static final Duration REQUEST_TTL = Duration.ofMinutes(5);

  private Tokens() {}

  /** A signed token, and when it expires. */
  record Minted(String token, Instant expiresAt) {}

  /**
   * An HS256 JWT for {@code user} ({@code sub}), valid for {@code ttl}, with the configured issuer
   * if any.
   */
  static Minted mint(Settings settings, String user, Duration ttl) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(ttl);
    JWTCreator.Builder jwt =
        JWT.create().withSubject(user).withIssuedAt(now).withExpiresAt(expiresAt);
    if (settings.jwtIssuer() != null) {
      jwt.withIssuer(settings.jwtIssuer());
    }
    return new Minted(jwt.sign(Algorithm.HMAC256(Wiring.jwtSecret(settings).reveal())), expiresAt);
  }

  /**
   * Whether this machine holds the API's secret: {@code INTEGRATIONS_JWT_SECRET}, or the file
   * {@code serve} generated into the data directory. Checked before minting for a server, so that
   * no new secret is generated that the server would not know.
   */
  static boolean secretAvailable(Settings settings) {
    return settings.jwtSecret() != null
        || Files.isRegularFile(settings.dataDir().resolve(Wiring.JWT_SECRET_FILE));
  }

  /**
   * The user a token was issued for ({@code sub}, or {@code user_id}), read without verifying it.
   */
  static Optional<String> user(String token) {
    try {
      DecodedJWT decoded = JWT.decode(token);
      String subject = decoded.getSubject();
      return Optional.ofNullable(
          subject != null ? subject : decoded.getClaim("user_id").asString());
    } catch (JWTDecodeException notAJwt) {
      return Optional.empty();
    }
  }
}
