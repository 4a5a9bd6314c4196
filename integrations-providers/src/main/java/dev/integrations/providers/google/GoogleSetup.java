package dev.integrations.providers.google;

import dev.integrations.core.error.NotConfiguredException;
import dev.integrations.providers.google.internal.GoogleApis;
import dev.integrations.providers.google.internal.GoogleCalls;
import dev.integrations.providers.google.internal.GoogleOAuth;

/**
 * What a configured Google adapter works with; {@link #NOT_CONFIGURED} when no OAuth client is set.
 */
record GoogleSetup(GoogleOAuth oauth, GoogleApis apis, GoogleCalls calls, int uploadChunkSize) {
  static final GoogleSetup NOT_CONFIGURED = new GoogleSetup(null, null, null, 0);

  static final String NOT_CONFIGURED_MESSAGE =
      "Google integrations are not configured: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET.";

  boolean configured() {
    return oauth != null;
  }

  /** This setup, or a {@link NotConfiguredException} when there is none. */
  GoogleSetup require() {
    if (!configured()) {
      throw new NotConfiguredException(NOT_CONFIGURED_MESSAGE);
    }
    return this;
  }
}
