package dev.integrations.providers.google;

import dev.integrations.core.error.NotConfiguredException;
import dev.integrations.providers.google.internal.GoogleApis;
import dev.integrations.providers.google.internal.GoogleCalls;

/**
 * What a configured Google adapter calls its API with; {@link #NOT_CONFIGURED} when no OAuth client
 * is set.
 */
record GoogleSetup(GoogleApis apis, GoogleCalls calls, int uploadChunkSize) {
  static final GoogleSetup NOT_CONFIGURED = new GoogleSetup(null, null, 0);

  static final String NOT_CONFIGURED_MESSAGE =
      "Google integrations are not configured: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET.";

  boolean configured() {
    return apis != null;
  }

  /** This setup, or a {@link NotConfiguredException} when there is none. */
  GoogleSetup require() {
    if (!configured()) {
      throw new NotConfiguredException(NOT_CONFIGURED_MESSAGE);
    }
    return this;
  }
}
