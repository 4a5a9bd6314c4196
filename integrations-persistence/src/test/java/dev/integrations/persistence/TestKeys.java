package dev.integrations.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Random keys and ciphers for tests. */
final class TestKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeys() {}

  static byte[] key() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  static String base64(byte[] key) {
    return Base64.getEncoder().encodeToString(key);
  }

  static AesGcmTokenCipher cipher() {
    return new AesGcmTokenCipher(EncryptionKeys.of(key(), List.of()));
  }
}
