package dev.integrations.persistence.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes H2 URLs durable. By default H2's MVStore writes committed changes to its file from a
 * background thread up to {@code WRITE_DELAY} (500 ms) later, so a {@code kill -9} loses
 * acknowledged commits. With {@code WRITE_DELAY=0} H2 2.x stores the MVStore synchronously inside
 * every commit that changed something (in the committing thread, no background writer), so a commit
 * that returned is in the file: it survives the death of the process (the OS still holds the
 * pages), though not a power cut before the OS flushed them.
 */
public final class H2Urls {
  private static final Logger LOG = LoggerFactory.getLogger(H2Urls.class);
  private static final String PREFIX = "jdbc:h2:";

  /**
   * Lock timeout added when the URL sets none: concurrent writers wait for a row instead of
   * failing.
   */
  static final String DEFAULT_LOCK_TIMEOUT_MS = "10000";

  private H2Urls() {}

  /** Whether {@code url} is an H2 URL. */
  public static boolean isH2(String url) {
    return url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * The directory an H2 file database of {@code url} lives in ({@code jdbc:h2:file:./data/db} and
   * {@code jdbc:h2:./data/db} give {@code ./data}); empty for in-memory, remote and non-H2 URLs.
   */
  public static Optional<Path> directoryOf(String url) {
    if (!isH2(url)) {
      return Optional.empty();
    }
    String location = url.substring(PREFIX.length()).split(";")[0];
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      location = location.substring("file:".length());
    } else if (lower.matches("^(mem|tcp|ssl|zip|split|nio\\w*|async|retry|memfs|memlzf):.*")) {
      return Optional.empty();
    }
    if (location.startsWith("~")) {
      location = System.getProperty("user.home") + location.substring(1);
    }
    if (location.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(Path.of(location).toAbsolutePath().normalize().getParent());
  }

  /**
   * {@code url} with {@code WRITE_DELAY=0} (and {@code LOCK_TIMEOUT=10000}) appended when it is an
   * H2 URL of a persistent database that does not set them itself; every other URL unchanged. A URL
   * that sets another write delay keeps it, with a warning.
   */
  public static String durable(String url) {
    if (!isH2(url)) {
      return url;
    }
    String[] parts = url.substring(PREFIX.length()).split(";");
    if (parts[0].toLowerCase(Locale.ROOT).contains("mem:")) {
      return url;
    }
    String writeDelay = null;
    String lockTimeout = null;
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).trim().toUpperCase(Locale.ROOT);
      String value = eq < 0 ? "" : parts[i].substring(eq + 1).trim();
      if (key.equals("WRITE_DELAY")) {
        writeDelay = value;
      } else if (key.equals("LOCK_TIMEOUT")) {
        lockTimeout = value;
      }
    }
    StringBuilder result = new StringBuilder(url);
    if (writeDelay == null) {
      result.append(";WRITE_DELAY=0");
    } else if (!writeDelay.equals("0")) {
      LOG.warn(
          "The H2 URL sets WRITE_DELAY={}: commits acknowledged in the last {} ms before a crash may be lost."
              + " Remove the setting to make every acknowledged write durable.",
          writeDelay,
          writeDelay);
    }
    if (lockTimeout == null) {
      result.append(";LOCK_TIMEOUT=").append(DEFAULT_LOCK_TIMEOUT_MS);
    }
    return result.toString();
  }
}
