package dev.integrations.http.internal;

/** The body of {@code POST /api/integrations/connect}. */
public record ConnectRequest(String integrationType, String botToken) {
  @Override
  public String toString() {
    return "ConnectRequest[integrationType=" + integrationType + ", botToken=" + (botToken == null ? "none" : "***") + "]";
  }
}
