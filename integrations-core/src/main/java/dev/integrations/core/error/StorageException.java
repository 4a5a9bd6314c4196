package dev.integrations.core.error;

/** A store failed, or a stored value could not be read back. */
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
}
