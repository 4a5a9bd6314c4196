package dev.integrations.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Directories and files that only their owner may open: where the database file and generated keys
 * live. On file systems without POSIX permissions they are created with the defaults.
 */
public final class PrivateDirectory {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateDirectory() {}

  /**
   * Creates {@code directory} and its missing parents as {@code rwx------}; an existing directory
   * is left as it is.
   *
   * @throws UncheckedIOException when it cannot be created
   */
  public static void create(Path directory) {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectories(directory, ownerOnly("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the directory " + directory, e);
    }
  }

  /**
   * The file attributes of {@code permissions} (for example {@code rw-------}) where POSIX applies.
   */
  public static FileAttribute<?>[] ownerOnly(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }
}
