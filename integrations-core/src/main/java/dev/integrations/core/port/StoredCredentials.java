package dev.integrations.core.port;

import dev.integrations.core.model.Credentials;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Credentials as read from a {@link TokenStore}, with the version a compare-and-set must name.
 *
 * @param credentials the decrypted credentials
 * @param version the row's version: greater after every write, never reused for the connection (see
 *     {@link TokenStore})
 */
public record StoredCredentials(Credentials credentials, long version) {
  /** Below 2<sup>62</sup>, so that adding one per write can never overflow. */
  private static final long FIRST_VERSION_BOUND = 1L << 62;

  /** Requires the credentials. */
  public StoredCredentials {
    Objects.requireNonNull(credentials, "credentials");
  }

  /**
   * The version of a newly created row: random in [1, 2<sup>62</sup>), so that a row deleted and
   * created again does not repeat the versions of its earlier life (a repeat would take a 1 in
   * 4.6&middot;10<sup>18</sup> coincidence). Adapters of {@link TokenStore} use it for every
   * insert.
   */
  public static long firstVersion() {
    return ThreadLocalRandom.current().nextLong(1, FIRST_VERSION_BOUND);
  }
}
