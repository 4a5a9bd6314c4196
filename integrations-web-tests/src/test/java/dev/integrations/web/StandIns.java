package dev.integrations.web;

import dev.integrations.testing.ProviderStandIns;

/**
 * The shared provider stand-ins. A real browser opens Google's authorization endpoint of {@link
 * ProviderStandIns#accounts}, which hands it to mock-oauth2-server's sign-in form (shown for {@code
 * prompt=consent}) and brings it back to the server's callback.
 */
final class StandIns extends ProviderStandIns {
  StandIns() {
    super("web-test-client");
  }
}
