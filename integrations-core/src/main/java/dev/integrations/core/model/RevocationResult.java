package dev.integrations.core.model;

/**
 * What the provider said when asked to revoke a grant. A failed revocation never blocks the local
 * delete; it is reported so the user can revoke by hand.
 *
 * @param attempted whether the provider offers revocation at all
 * @param revoked whether it confirmed the revocation
 * @param message a sentence for the user
 */
public record RevocationResult(boolean attempted, boolean revoked, String message) {
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
}
