package dev.integrations.persistence;

import dev.integrations.persistence.internal.PrivateDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A secret generated on first use and kept in a file that only its owner may read, then read back
 * on every later run: the encryption key when {@value EncryptionKeys#KEY_VARIABLE} is unset, the
 * JWT secret of the server. The file appears atomically (written to a private temporary file, then
 * hard linked, which never replaces), so two processes starting at once agree on one value.
 *
 * <p>Stateless and thread-safe.
 */
public final class SecretFile {
  private SecretFile() {}

  /**
   * What {@link #readOrCreate} found.
   *
   * @param value the file's content, without surrounding white space
   * @param created whether this call generated it (the caller may want to warn)
   */
  public record Content(String value, boolean created) {
    @Override
    public String toString() {
      return "SecretFile.Content[value=***, created=" + created + "]";
    }
  }

  /**
   * The content of {@code file}, or a new value from {@code generate} written there (owner-only
   * file in an owner-only directory, created if missing) when the file does not exist yet.
   *
   * @param what how messages name the file, for example "the encryption key file"
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static Content readOrCreate(Path file, String what, Supplier<String> generate) {
    Objects.requireNonNull(generate, "generate");
    try {
      if (Files.exists(file)) {
        return new Content(read(file), false);
      }
      Path directory = file.toAbsolutePath().getParent();
      PrivateDirectory.create(directory);
      String value = generate.get();
      Path temp =
          Files.createTempFile(
              directory, ".secret", ".tmp", PrivateDirectory.ownerOnly("rw-------"));
      try {
        Files.writeString(temp, value + "\n", StandardCharsets.US_ASCII);
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException lostTheRace) {
        return new Content(read(file), false);
      } finally {
        Files.deleteIfExists(temp);
      }
      return new Content(value, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create " + what + " " + file, e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII).strip();
  }
}
