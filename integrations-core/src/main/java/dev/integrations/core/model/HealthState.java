package dev.integrations.core.model;

import java.util.Locale;

/** How a connection has been doing lately, as its calls, tests and background checks found it. */
public enum HealthState {
  /** The last call through the connection succeeded (or nothing has failed since it was made). */
  HEALTHY,
  /**
   * Calls failed for reasons that may pass (provider 5xx, timeouts, network); counted until one
   * succeeds.
   */
  DEGRADED,
  /**
   * The provider refused the grant (invalid_grant, revoked, missing scopes): the user must connect
   * again.
   */
  REAUTHORIZATION_REQUIRED;

  /** The lowercase name used in JSON and CLI output. */
  public String wireName() {
    return wireName;
  }

  private final String wireName = name().toLowerCase(Locale.ROOT);

  private static final HealthState[] VALUES = values();

  /** The state whose {@link #wireName()} is {@code wireName}. */
  public static HealthState of(String wireName) {
    for (HealthState state : VALUES) {
      if (state.wireName.equals(wireName)) {
        return state;
      }
    }
    throw new IllegalArgumentException("Unknown health state: " + wireName);
  }
}
