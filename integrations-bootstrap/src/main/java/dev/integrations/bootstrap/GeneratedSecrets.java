package dev.integrations.bootstrap;

import dev.integrations.core.model.Secret;
import dev.integrations.persistence.SecretFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets that are generated on first run when their setting is missing, kept in an owner-only
 * {@link SecretFile}, and read back on every later run (so JWTs minted yesterday still verify
 * today).
 */
final class GeneratedSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(GeneratedSecrets.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  private GeneratedSecrets() {}

  /**
   * The secret in {@code file}, or a new random one (256 bits, base64url) written there with a
   * warning naming {@code variable}, the setting that would make the file unnecessary.
   *
   * @throws InvalidConfigurationException when the file cannot be read or written, or is empty
   */
  static Secret readOrCreate(Path file, String variable) {
    SecretFile.Content content;
    try {
      content = SecretFile.readOrCreate(file, "the secret file", GeneratedSecrets::random);
    } catch (UncheckedIOException e) {
      throw new InvalidConfigurationException(
          variable
              + " is not set and the file "
              + file
              + " could not be read or written: "
              + e.getCause().getMessage());
    }
    if (content.value().isEmpty()) {
      throw new InvalidConfigurationException(
          "The secret file " + file + " is empty: delete it or fill it.");
    }
    if (content.created()) {
      LOG.warn(
          "{} is not set: generated one into {} (owner-only). Set {} in production, the same on every"
              + " instance.",
          variable,
          file.toAbsolutePath().normalize(),
          variable);
    }
    return Secret.of(content.value());
  }

  private static String random() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
