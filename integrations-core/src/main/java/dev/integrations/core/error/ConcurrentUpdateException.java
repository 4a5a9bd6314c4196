package dev.integrations.core.error;

/**
 * Another writer kept changing the stored credentials while this one tried to write them (for
 * example a reconnect during a refresh). Nothing was overwritten; trying again is safe.
 */
public class ConcurrentUpdateException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  /** A lost write race, as {@code message} says. */
  public ConcurrentUpdateException(String message) {
    super(ErrorCode.CONCURRENT_UPDATE, message);
  }
}
