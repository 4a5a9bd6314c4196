package dev.integrations.core.service;

import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.model.RevocationResult;
import java.util.Objects;

/**
 * One connection's part of {@link IntegrationService#disconnectAll}: disconnected (with what the
 * provider did about the grant) or not (with why).
 *
 * @param type the integration
 * @param success whether its credentials and connection are gone
 * @param message a sentence for the user
 * @param code why it failed, null on success
 * @param revocation what became of the grant at the provider, null when the disconnect failed
 */
public record DisconnectOutcome(
    IntegrationType type,
    boolean success,
    String message,
    ErrorCode code,
    RevocationResult revocation) {
  /** Requires the type and the message. */
  public DisconnectOutcome {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
  }

  /** A disconnect that happened. */
  static DisconnectOutcome of(DisconnectResult result) {
    return new DisconnectOutcome(
        result.type(),
        true,
        result.type().value() + " disconnected successfully",
        null,
        result.revocation());
  }
}
