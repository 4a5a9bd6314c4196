package dev.integrations.persistence;

import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.TokenCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A {@link TokenCipher} with AES-256-GCM: a fresh random 96-bit nonce per value, a 128-bit tag, and
 * the format version, key id and caller's associated data authenticated with it. A sealed value
 * reads {@code v1:<keyId>:<base64url(nonce || ciphertext || tag)>}; it opens with whichever
 * configured key has that id, so old keys keep working after a rotation while new values use the
 * current key.
 *
 * <p>Thread-safe.
 */
public final class AesGcmTokenCipher implements TokenCipher {
  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EncryptionKeys keys;

  /** A cipher that seals with the current key of {@code keys} and opens with any of them. */
  public AesGcmTokenCipher(EncryptionKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public String seal(Secret secret, String associatedData) {
    String keyId = keys.currentKeyId();
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, keyId, associatedData);
      byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return VERSION
          + ':'
          + keyId
          + ':'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new StorageException(
          "Could not encrypt a secret: " + e.getClass().getSimpleName() + ".", e);
    }
  }

  @Override
  public Secret open(String sealed, String associatedData) {
    String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new StorageException(
          "A stored secret is not in the expected format (" + VERSION + ":<key id>:<data>).");
    }
    String keyId = parts[1];
    SecretKey key =
        keys.byId(keyId)
            .orElseThrow(
                () ->
                    new StorageException(
                        "A stored secret was encrypted with key "
                            + keyId
                            + ", which is not configured (keys: "
                            + keys.keyIds()
                            + "). Set "
                            + EncryptionKeys.KEY_VARIABLE
                            + " or add the key to "
                            + EncryptionKeys.OLD_KEYS_VARIABLE
                            + "."));
    byte[] data;
    try {
      data = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new StorageException("A stored secret is not valid base64url.");
    }
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new StorageException("A stored secret is too short to be a sealed value.");
    }
    try {
      byte[] nonce = Arrays.copyOf(data, NONCE_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, keyId, associatedData);
      byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Secret.of(new String(plain, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      throw new StorageException(
          "A stored secret failed its integrity check: it was altered, or moved from another row.");
    } catch (GeneralSecurityException e) {
      throw new StorageException(
          "Could not decrypt a stored secret: " + e.getClass().getSimpleName() + ".", e);
    }
  }

  /** The keys this cipher seals and opens with. */
  EncryptionKeys keys() {
    return keys;
  }

  @Override
  public String toString() {
    return "AesGcmTokenCipher[" + keys + "]";
  }

  private static Cipher cipher(
      int mode, SecretKey key, byte[] nonce, String keyId, String associatedData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    // The header is authenticated too, NUL-separated from the caller's data.
    cipher.updateAAD(
        (VERSION + ':' + keyId + '\u0000' + associatedData).getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
