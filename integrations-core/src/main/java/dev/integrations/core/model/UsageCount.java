package dev.integrations.core.model;

/**
 * How many calls went through a connection, and how many of them failed, over some period.
 *
 * @param calls every call, failed ones included
 * @param failures the calls that failed
 */
public record UsageCount(long calls, long failures) {
  /** No calls. */
  public static final UsageCount NONE = new UsageCount(0, 0);

  /** Requires counts that are not negative, and no more failures than calls. */
  public UsageCount {
    if (calls < 0 || failures < 0 || failures > calls) {
      throw new IllegalArgumentException("0 <= failures <= calls is required");
    }
  }

  /** The sum of this count and {@code other}. */
  public UsageCount plus(UsageCount other) {
    return new UsageCount(calls + other.calls, failures + other.failures);
  }
}
