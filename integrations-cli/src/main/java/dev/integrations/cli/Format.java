package dev.integrations.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How sizes, rates, instants and durations read in human output. */
final class Format {
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Format() {}

  /** {@code 512 B}, {@code 1.5 KiB}, {@code 10.0 MiB}; null for null. */
  static String bytes(Long bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** {@code 2026-11-22 09:30} in the local time zone; null for null. */
  static String time(Instant instant) {
    return instant == null ? null : LOCAL_TIME.format(instant);
  }

  /** ISO-8601 in UTC, as in JSON; null for null. */
  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** {@code 0:05}, {@code 12:34}, {@code 1:02:03}. */
  static String clock(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }

  /** {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 7d}: how long, for sentences. */
  static String duration(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds >= 86_400 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0 || text.length() == 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
