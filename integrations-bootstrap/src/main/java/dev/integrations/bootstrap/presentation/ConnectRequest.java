package dev.integrations.bootstrap.presentation;

/**
 * The body of {@code POST /api/integrations/connect}.
 *
 * @param integrationType the integration to connect
 * @param botToken for bot-token integrations
 * @param completion for OAuth: {@code browser} (default; the calling browser gets the binding cookie)
 *     or {@code api} (the callback parks the consent for {@code POST /api/integrations/complete})
 */
public record ConnectRequest(String integrationType, String botToken, String completion) {
  @Override
  public String toString() {
    return "ConnectRequest[integrationType=" + integrationType + ", botToken=" + (botToken == null ? "none" : "***")
        + ", completion=" + completion + "]";
  }
}
