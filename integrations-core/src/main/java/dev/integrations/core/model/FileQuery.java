package dev.integrations.core.model;

import dev.integrations.core.error.InvalidRequestException;

/**
 * A file listing.
 *
 * @param query the provider's query syntax (Drive: {@code name contains 'report'}), empty for all
 * @param pageSize 1 to 1000
 * @param pageToken the token of the page to fetch, null for the first
 */
public record FileQuery(String query, int pageSize, String pageToken) {
  /** The largest page a query may ask for. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** Validates the page size. */
  public FileQuery {
    query = query == null ? "" : query;
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("page_size must be between 1 and " + MAX_PAGE_SIZE + ".");
    }
  }
}
