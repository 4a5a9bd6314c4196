package dev.integrations.providers.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds, or a date. */
public final class RetryAfter {
  /**
   * The longest wait read; longer ones (absurd, and past what a {@link Duration} in millis holds)
   * are cut to it.
   */
  private static final Duration LONGEST = Duration.ofDays(365);

  private RetryAfter() {}

  /** How long {@code value} asks to wait from now, or null when it is missing or unreadable. */
  public static Duration parse(String value) {
    return parse(value, Instant.now());
  }

  /** How long {@code value} asks to wait from {@code now} (never negative), or null. */
  static Duration parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.chars().allMatch(Character::isDigit)) {
      try {
        return atMostAYear(Duration.ofSeconds(Long.parseLong(trimmed)));
      } catch (NumberFormatException pastALong) {
        return LONGEST;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return wait.isNegative() ? Duration.ZERO : atMostAYear(wait);
    } catch (RuntimeException notADate) {
      return null;
    }
  }

  private static Duration atMostAYear(Duration wait) {
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
