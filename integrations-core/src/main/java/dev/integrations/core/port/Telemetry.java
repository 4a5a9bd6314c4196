package dev.integrations.core.port;

import dev.integrations.core.model.IntegrationType;
import java.time.Duration;

/**
 * Told how provider calls and refreshes went, so that an application can count them (the server
 * binds it to Micrometer). Never given a user id or a secret: only the integration type, the action
 * and a bounded outcome. Implementations are thread-safe and return quickly; the defaults do
 * nothing.
 */
public interface Telemetry {
  /** Counts nothing. */
  Telemetry NONE = new Telemetry() {};

  /** What became of a refresh at the provider. */
  enum RefreshOutcome {
    /** The provider granted it and it was stored. */
    OK,
    /** The provider refused it or could not be reached. */
    FAILED,
    /** Another writer stored credentials first; the refresh was thrown away. */
    LEASE_LOST
  }

  /**
   * One action through a connection ended.
   *
   * @param action a fixed name such as {@code send_mail}, {@code test} or {@code proxy}
   * @param outcome {@code ok}, or the stable code of the error it ended with
   * @param took how long it took, refreshes and retries included
   */
  default void providerCall(IntegrationType type, String action, String outcome, Duration took) {}

  /** One refresh of a grant at its provider ended with {@code outcome}. */
  default void refresh(IntegrationType type, RefreshOutcome outcome) {}
}
