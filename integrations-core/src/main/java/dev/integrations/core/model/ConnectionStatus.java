package dev.integrations.core.model;

import java.util.Locale;

/** The state of one user's link to one integration. */
public enum ConnectionStatus {
  /** The credentials are stored and were last seen working. */
  CONNECTED,
  /** There are no credentials: never connected, or disconnected. */
  DISCONNECTED,
  /** Linked, but not usable until the reason in {@link Connection#lastError()} is dealt with. */
  ERROR;

  /** The lowercase name used in JSON and CLI output. */
  public String wireName() {
    return wireName;
  }

  private final String wireName = name().toLowerCase(Locale.ROOT);
}
