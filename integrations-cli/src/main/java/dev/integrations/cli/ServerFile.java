package dev.integrations.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The small owner-only file {@code serve} keeps in the data directory while it runs ({@value
 * #NAME}: its URL and process id), by which a command started beside it finds it and acts through
 * its API instead of opening the database the server holds. Written at start, deleted at a clean
 * stop; a file left by a killed server names a process that is gone, and is ignored.
 */
final class ServerFile {
  static final String NAME = "server.properties";

  /** What a running server wrote about itself. */
  record Entry(URI url, long pid) {
    /** Whether the process that wrote this still runs. */
    boolean alive() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  private ServerFile() {}

  /** Writes {@code url} and this process's id into {@code dataDir}, readable by the owner only. */
  static Path write(Path dataDir, URI url) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(NAME);
    Path temporary = dataDir.resolve(NAME + ".tmp");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(temporary);
    } catch (FileAlreadyExistsException raced) {
      // another serve starting at the same moment: the last one to move its file wins
    }
    String text =
        "# Written by 'integrations serve' while it runs; the CLI acts through this server.\n"
            + "url="
            + url
            + "\npid="
            + ProcessHandle.current().pid()
            + "\n";
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    try {
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** The entry in {@code dataDir}, if there is a readable one. */
  static Optional<Entry> read(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return Optional.of(
          new Entry(
              URI.create(properties.getProperty("url", "").strip()),
              Long.parseLong(properties.getProperty("pid", "").strip())));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** Deletes the file if it is still this process's. */
  static void delete(Path dataDir) {
    read(dataDir)
        .filter(entry -> entry.pid() == ProcessHandle.current().pid())
        .ifPresent(
            entry -> {
              try {
                Files.deleteIfExists(dataDir.resolve(NAME));
              } catch (IOException ignored) {
                // a stale file names a process that is gone, and is ignored
              }
            });
  }
}
