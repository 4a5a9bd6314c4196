package dev.integrations.core.port;

import dev.integrations.core.model.Credentials;
import java.util.Objects;

/**
 * Credentials as read from a {@link TokenStore}, with the version a compare-and-set must name.
 *
 * @param credentials the decrypted credentials
 * @param version increases by one with every write of the row
 */
public record StoredCredentials(Credentials credentials, long version) {
  /** Requires the credentials. */
  public StoredCredentials {
    Objects.requireNonNull(credentials, "credentials");
  }
}
