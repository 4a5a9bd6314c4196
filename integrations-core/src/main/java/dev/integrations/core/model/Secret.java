package dev.integrations.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret string (token, code verifier). {@link #toString()} prints {@code ***}; the value is only
 * reachable through {@link #reveal()}, so that every place that uses it is easy to find.
 *
 * <p>Immutable and thread-safe.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a non-empty secret value. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(value);
  }

  /** Wraps a value that may be absent; returns null for null or empty input. */
  public static Secret ofNullable(String value) {
    return value == null || value.isEmpty() ? null : new Secret(value);
  }

  /** The secret itself. Call it only where the value leaves the process for its rightful owner. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "***";
  }
}
