package dev.integrations.core.model;

import dev.integrations.core.error.InvalidRequestException;

/**
 * A mail search.
 *
 * @param query the provider's search syntax (Gmail: {@code from:ann is:unread}), empty for all
 * @param maxResults 1 to 500
 */
public record MailQuery(String query, int maxResults) {
  /** The most messages a search may ask for. */
  public static final int MAX_RESULTS = 500;

  /** Validates the limit. */
  public MailQuery {
    query = query == null ? "" : query;
    if (maxResults < 1 || maxResults > MAX_RESULTS) {
      throw new InvalidRequestException("max_results must be between 1 and " + MAX_RESULTS + ".");
    }
  }
}
