package dev.integrations.core.error;

/** A store failed, or a stored value could not be read back. */
public class StorageException extends IntegrationException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(ErrorCode.STORAGE_FAILURE, message);
  }

  public StorageException(String message, Throwable cause) {
    super(ErrorCode.STORAGE_FAILURE, message, cause);
  }
}
