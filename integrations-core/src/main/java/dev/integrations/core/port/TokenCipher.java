package dev.integrations.core.port;

import dev.integrations.core.model.Secret;

/**
 * Encrypts secrets for storage. The associated data binds a ciphertext to its place (user and
 * integration): opened with other associated data, it fails.
 *
 * <p>Implementations are thread-safe.
 */
public interface TokenCipher {

  /** Encrypts {@code secret}; the result is printable text safe to store in a column. */
  String seal(Secret secret, String associatedData);

  /**
   * Decrypts what {@link #seal} produced.
   *
   * @throws dev.integrations.core.error.StorageException when the value was tampered with, moved to
   *     another place, or sealed with a key this cipher does not hold
   */
  Secret open(String sealed, String associatedData);
}
