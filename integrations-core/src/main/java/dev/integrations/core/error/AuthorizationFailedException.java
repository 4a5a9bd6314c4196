package dev.integrations.core.error;

import dev.integrations.core.model.IntegrationType;
import java.util.Optional;

/**
 * An OAuth authorization could not be completed: the state is unknown, expired or reused ({@link
 * ErrorCode#INVALID_STATE}), the consent came back to someone other than the person who started it
 * ({@link ErrorCode#CONSENT_MISMATCH}), the user declined ({@link ErrorCode#ACCESS_DENIED}), or the
 * provider refused the code ({@link ErrorCode#PROVIDER_REJECTED}). Nothing was stored.
 */
public class AuthorizationFailedException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  private final transient IntegrationType type;

  /** A refused authorization of {@code type} (null when the state was not recognised). */
  public AuthorizationFailedException(ErrorCode code, String message, IntegrationType type) {
    this(code, message, type, null);
  }

  /** A refused authorization of {@code type}, caused by {@code cause}. */
  public AuthorizationFailedException(
      ErrorCode code, String message, IntegrationType type, Throwable cause) {
    super(code, message, cause);
    this.type = type;
  }

  /** The integration being connected, when the state was recognised. */
  public Optional<IntegrationType> integrationType() {
    return Optional.ofNullable(type);
  }
}
