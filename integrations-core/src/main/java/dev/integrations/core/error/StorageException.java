package dev.integrations.core.error;

/** A store failed or could not be reached, or a stored value could not be read back. */
public class StorageException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  /** The store failed, as {@code message} says. */
  public StorageException(String message) {
    super(ErrorCode.STORAGE_FAILURE, message);
  }

  /** The store failed, as {@code message} says, caused by {@code cause}. */
  public StorageException(String message, Throwable cause) {
    super(ErrorCode.STORAGE_FAILURE, message, cause);
  }

  /**
   * The store failed for the reason {@code code} names ({@link ErrorCode#STORAGE_FAILURE} or {@link
   * ErrorCode#STORAGE_UNAVAILABLE}), as {@code message} says.
   */
  public StorageException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
