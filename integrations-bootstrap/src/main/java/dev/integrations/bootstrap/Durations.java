package dev.integrations.bootstrap;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads configured durations: {@code 90s}, {@code 500ms}, {@code 10m}, {@code 24h}, {@code 7d} or
 * ISO-8601 {@code PT10M}.
 */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

  private Durations() {}

  /**
   * The positive duration {@code text} names.
   *
   * @throws IllegalArgumentException when it names none, or a zero or negative one
   */
  static Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    Duration duration;
    Matcher matcher = SHORT.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration =
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
          };
    } else {
      try {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration: " + text, e);
      }
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("not a positive duration: " + text);
    }
    return duration;
  }
}
