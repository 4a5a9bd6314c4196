package dev.integrations.core.model;

import java.util.Objects;

/**
 * A pasted token the provider accepted: whose account it acts as, and the credentials to store for
 * it (the token, with the connection's values where the provider needs them at every call, such as
 * a WhatsApp phone number id). {@link #toString()} shows no token.
 *
 * @param account the account the token acts as
 * @param credentials what to store
 */
public record TokenConnection(Account account, Credentials credentials) {
  /** Requires both. */
  public TokenConnection {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(credentials, "credentials");
  }
}
