package dev.integrations.core.model;

import java.util.Objects;

/**
 * Who the credentials belong to at the provider, as far as it says: a Telegram bot's id and
 * username, a Google account's e-mail address. Not secret.
 *
 * @param id the provider's stable id for the account
 * @param displayName a name a person recognises ({@code @my_bot}, {@code ann@example.com})
 */
public record Account(String id, String displayName) {
  /** Requires an id and a display name. */
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
  }
}
