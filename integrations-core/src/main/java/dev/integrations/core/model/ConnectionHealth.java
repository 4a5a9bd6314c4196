package dev.integrations.core.model;

import dev.integrations.core.error.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * How one connection has been doing: its {@link HealthState}, the failures since the last success,
 * and when the background maintenance looks at it next. Kept apart from {@link Connection}; it
 * belongs to the connection made at {@link #connectedAt()}, and a new connect starts a new, healthy
 * record.
 *
 * @param user the owner
 * @param type the integration
 * @param connectedAt which connection this is about (its {@link Connection#connectedAt()}), null if
 *     unknown
 * @param state healthy, degraded or reauthorization_required
 * @param failureCount failures since the last success (0 when healthy)
 * @param firstFailure the first of those failures, null when healthy
 * @param lastSuccess when a call, test, refresh or check through the connection last succeeded,
 *     null if never
 * @param lastFailure when one last failed, null if never (kept after a recovery)
 * @param lastError the code of the last failure, null if none (kept after a recovery)
 * @param lastErrorMessage the sentence of the last failure, null if none
 * @param nextCheck when the background maintenance looks at the connection next, null if not
 *     scheduled
 */
public record ConnectionHealth(
    UserId user,
    IntegrationType type,
    Instant connectedAt,
    HealthState state,
    int failureCount,
    Instant firstFailure,
    Instant lastSuccess,
    Instant lastFailure,
    ErrorCode lastError,
    String lastErrorMessage,
    Instant nextCheck) {

  /** Requires the user, type and state, and a failure count that is not negative. */
  public ConnectionHealth {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    if (failureCount < 0) {
      throw new IllegalArgumentException("failureCount must not be negative");
    }
  }

  /** A new connection's record: healthy, nothing failed yet, checked at {@code nextCheck}. */
  public static ConnectionHealth healthy(
      UserId user, IntegrationType type, Instant connectedAt, Instant nextCheck) {
    return new ConnectionHealth(
        user, type, connectedAt, HealthState.HEALTHY, 0, null, null, null, null, null, nextCheck);
  }

  /**
   * This record after a success at {@code at}: healthy, the failures forgotten but the last error
   * kept.
   */
  public ConnectionHealth succeeded(Instant at) {
    return new ConnectionHealth(
        user,
        type,
        connectedAt,
        HealthState.HEALTHY,
        0,
        null,
        at,
        lastFailure,
        lastError,
        lastErrorMessage,
        nextCheck);
  }

  /**
   * This record after a failure that may pass (provider 5xx, timeout, network): degraded, unless
   * the provider already refused the grant, which a transient failure does not undo.
   */
  public ConnectionHealth failedTransiently(ErrorCode code, String message, Instant at) {
    HealthState next = state == HealthState.REAUTHORIZATION_REQUIRED ? state : HealthState.DEGRADED;
    return failed(next, code, message, at);
  }

  /** This record after the provider refused the grant: reauthorization_required. */
  public ConnectionHealth refused(ErrorCode code, String message, Instant at) {
    return failed(HealthState.REAUTHORIZATION_REQUIRED, code, message, at);
  }

  private ConnectionHealth failed(HealthState next, ErrorCode code, String message, Instant at) {
    Objects.requireNonNull(code, "code");
    return new ConnectionHealth(
        user,
        type,
        connectedAt,
        next,
        failureCount + 1,
        firstFailure == null ? at : firstFailure,
        lastSuccess,
        at,
        code,
        message,
        nextCheck);
  }

  /** This record, checked next at {@code when}. */
  public ConnectionHealth withNextCheck(Instant when) {
    return new ConnectionHealth(
        user,
        type,
        connectedAt,
        state,
        failureCount,
        firstFailure,
        lastSuccess,
        lastFailure,
        lastError,
        lastErrorMessage,
        when);
  }

  /**
   * Whether this record is about the connection made at {@code connectedAt} (not an earlier one).
   */
  public boolean isAbout(Instant connectedAt) {
    return Objects.equals(this.connectedAt, connectedAt);
  }

  /** Whether the state is {@link HealthState#HEALTHY}. */
  public boolean isHealthy() {
    return state == HealthState.HEALTHY;
  }
}
