package dev.integrations.core.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What became of the grant at the provider when a connection was disconnected. A failed revocation
 * never blocks the local delete; it is reported so the user can revoke by hand.
 *
 * @param attempted whether the provider was asked to revoke
 * @param revoked whether it confirmed the revocation
 * @param message a sentence for the user
 * @param sharedWith the user's other integrations that still rely on the same grant, for which it
 *     was kept at the provider (empty when none did)
 */
public record RevocationResult(
    boolean attempted, boolean revoked, String message, List<IntegrationType> sharedWith) {
  /** Requires a message; copies {@code sharedWith}. */
  public RevocationResult {
    Objects.requireNonNull(message, "message");
    sharedWith = List.copyOf(sharedWith);
  }

  /** A result that concerns this grant alone. */
  public RevocationResult(boolean attempted, boolean revoked, String message) {
    this(attempted, revoked, message, List.of());
  }

  /** The provider revoked the grant. */
  public static RevocationResult succeeded() {
    return new RevocationResult(true, true, "Access revoked at the provider.");
  }

  /** The provider offers no revocation (Telegram bot tokens), or there was nothing to revoke. */
  public static RevocationResult notSupported() {
    return new RevocationResult(false, false, "The provider offers no revocation.");
  }

  /** The revocation was attempted and failed, as {@code message} says. */
  public static RevocationResult failed(String message) {
    return new RevocationResult(true, false, message);
  }

  /**
   * The grant was not revoked because {@code others} still rely on it: the provider would have
   * ended their access too. Only this integration's tokens were forgotten.
   */
  public static RevocationResult keptForSharedGrant(List<Integration> others) {
    String names = others.stream().map(Integration::name).collect(Collectors.joining(" and "));
    return new RevocationResult(
        false,
        false,
        "Forgotten here, not revoked at the provider: "
            + names
            + " still use"
            + (others.size() == 1 ? "s" : "")
            + " the same grant. Disconnect "
            + (others.size() == 1 ? "it" : "them")
            + " too to revoke it.",
        others.stream().map(Integration::type).toList());
  }
}
