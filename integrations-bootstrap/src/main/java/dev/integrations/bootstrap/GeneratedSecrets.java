package dev.integrations.bootstrap;

import dev.integrations.core.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets that are generated on first run when their setting is missing, kept in a file readable by
 * the owner only, and read back on every later run (so JWTs minted yesterday still verify today).
 * Two processes starting at once agree on one value: the file appears atomically, by a hard link.
 */
final class GeneratedSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(GeneratedSecrets.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final int BYTES = 32;

  private GeneratedSecrets() {}

  /**
   * The secret in {@code file}, or a new random one (256 bits, base64url) written there with a warning
   * naming {@code variable}, the setting that would make the file unnecessary.
   *
   * @throws InvalidConfigurationException when the file cannot be read or written, or is empty
   */
  static Secret readOrCreate(Path file, String variable) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir, ownerOnly("rwx------"));
      byte[] bytes = new byte[BYTES];
      RANDOM.nextBytes(bytes);
      String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Path temp = Files.createTempFile(dir, ".secret", ".tmp", ownerOnly("rw-------"));
      try {
        Files.writeString(temp, value + "\n", StandardCharsets.US_ASCII);
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException lostTheRace) {
        return read(file);
      } finally {
        Files.deleteIfExists(temp);
      }
      LOG.warn(
          "{} is not set: generated one into {} (owner-only). Set {} in production, the same on every"
              + " instance.",
          variable,
          file.toAbsolutePath().normalize(),
          variable);
      return Secret.of(value);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          variable + " is not set and the file " + file + " could not be read or written: " + e.getMessage());
    }
  }

  private static Secret read(Path file) throws IOException {
    String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (value.isEmpty()) {
      throw new InvalidConfigurationException("The secret file " + file + " is empty: delete it or fill it.");
    }
    return Secret.of(value);
  }

  private static FileAttribute<?>[] ownerOnly(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }
}
