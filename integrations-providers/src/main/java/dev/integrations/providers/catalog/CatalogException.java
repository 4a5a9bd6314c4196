package dev.integrations.providers.catalog;

/**
 * The provider catalog is malformed: the message names the file, the entry and the field, and says
 * what is wrong. Raised at start-up, before anything is served.
 */
public final class CatalogException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A catalog problem, as {@code message} says. */
  public CatalogException(String message) {
    super(message);
  }

  CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
