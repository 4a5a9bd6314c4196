package dev.integrations.persistence;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 keys that {@link AesGcmTokenCipher} seals with (the current key) and opens with (the
 * current key and any old ones, for rotation). Each key is known by an id derived from it: the
 * first 8 hex digits of its SHA-256, stored beside every ciphertext, so no extra setting names
 * keys.
 *
 * <p>Takes values, not environment variables: wiring reads {@value #KEY_VARIABLE} and {@value
 * #OLD_KEYS_VARIABLE} and passes them here. {@link #toString()} shows key ids only. Immutable and
 * thread-safe.
 */
public final class EncryptionKeys {
  /** The setting that holds the current key: base64 of exactly 32 bytes. */
  public static final String KEY_VARIABLE = "INTEGRATIONS_ENCRYPTION_KEY";

  /** The setting that holds former keys, comma-separated, each base64 of 32 bytes. */
  public static final String OLD_KEYS_VARIABLE = "INTEGRATIONS_ENCRYPTION_OLD_KEYS";

  /**
   * The file in the data directory that holds a generated key when {@value #KEY_VARIABLE} is unset.
   */
  public static final String KEY_FILE_NAME = "encryption.key";

  private static final Logger LOG = LoggerFactory.getLogger(EncryptionKeys.class);
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKey> byId;

  private EncryptionKeys(byte[] current, List<byte[]> old) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    currentId = add(keys, current);
    for (byte[] key : old) {
      add(keys, key);
    }
    byId = Collections.unmodifiableMap(keys);
  }

  /**
   * The keys from configuration values.
   *
   * @param key the value of {@value #KEY_VARIABLE}; when null or blank a key is read from, or the
   *     first time generated into, {@code dataDirectory/encryption.key} (owner-only), with a
   *     warning
   * @param oldKeys the value of {@value #OLD_KEYS_VARIABLE}, null or blank for none
   * @param dataDirectory where a generated key is kept
   * @throws IllegalArgumentException when a value is not base64 of 32 bytes (the message names the
   *     setting, never the value)
   * @throws java.io.UncheckedIOException when the key file cannot be read or written
   */
  public static EncryptionKeys load(String key, String oldKeys, Path dataDirectory) {
    byte[] current =
        isBlank(key)
            ? readOrCreateKeyFile(dataDirectory.resolve(KEY_FILE_NAME))
            : decode(key.trim(), KEY_VARIABLE);
    List<byte[]> old = new ArrayList<>();
    if (!isBlank(oldKeys)) {
      String[] values = oldKeys.split(",");
      for (int i = 0; i < values.length; i++) {
        if (!values[i].isBlank()) {
          old.add(decode(values[i].trim(), OLD_KEYS_VARIABLE + " (entry " + (i + 1) + ")"));
        }
      }
    }
    return new EncryptionKeys(current, old);
  }

  /** The keys from raw bytes: {@code current} seals, every key opens. Each must be 32 bytes. */
  public static EncryptionKeys of(byte[] current, List<byte[]> old) {
    check(current, "the current key");
    old.forEach(k -> check(k, "an old key"));
    return new EncryptionKeys(current.clone(), old.stream().map(byte[]::clone).toList());
  }

  /**
   * The fewest PBKDF2 iterations {@link #fromPassphrase} accepts (OWASP's 2023 advice for
   * HMAC-SHA256).
   */
  public static final int MIN_PASSPHRASE_ITERATIONS = 600_000;

  /**
   * One key derived from a passphrase with PBKDF2-HMAC-SHA256 (the JDK's), for archives: the same
   * passphrase, salt and iteration count always give the same key.
   *
   * @param salt at least 16 random bytes, kept beside what the key seals
   * @throws IllegalArgumentException for an empty passphrase, a short salt or too few iterations
   */
  public static EncryptionKeys fromPassphrase(char[] passphrase, byte[] salt, int iterations) {
    if (passphrase == null || passphrase.length == 0) {
      throw new IllegalArgumentException("The passphrase must not be empty.");
    }
    if (salt == null || salt.length < 16 || iterations < MIN_PASSPHRASE_ITERATIONS) {
      throw new IllegalArgumentException(
          "PBKDF2 needs a salt of 16 bytes or more and "
              + MIN_PASSPHRASE_ITERATIONS
              + " iterations or more.");
    }
    javax.crypto.spec.PBEKeySpec spec =
        new javax.crypto.spec.PBEKeySpec(passphrase, salt, iterations, KEY_BYTES * 8);
    try {
      byte[] key =
          javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(spec)
              .getEncoded();
      return new EncryptionKeys(key, List.of());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** A new random key, base64: a value for {@value #KEY_VARIABLE}. */
  public static String generate() {
    return Base64.getEncoder().encodeToString(randomKey());
  }

  /** The id of the key new values are sealed with. */
  public String currentKeyId() {
    return currentId;
  }

  /** The ids of every key that can open values, the current one first. */
  public Set<String> keyIds() {
    return byId.keySet();
  }

  SecretKey current() {
    return byId.get(currentId);
  }

  Optional<SecretKey> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public String toString() {
    return "EncryptionKeys[current=" + currentId + ", all=" + byId.keySet() + "]";
  }

  private static String add(Map<String, SecretKey> keys, byte[] key) {
    String id = idOf(key);
    keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
    return id;
  }

  static String idOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static byte[] decode(String value, String setting) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException notStandard) {
      try {
        key = Base64.getUrlDecoder().decode(value);
      } catch (IllegalArgumentException notUrlSafe) {
        throw new IllegalArgumentException(
            setting
                + " is not valid base64: it must be the base64 of 32 random bytes"
                + " (for example the output of: openssl rand -base64 32).");
      }
    }
    check(key, setting);
    return key;
  }

  private static void check(byte[] key, String what) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          what
              + " must be exactly 32 bytes (AES-256), base64-encoded; it has "
              + (key == null ? 0 : key.length)
              + " bytes.");
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** The key in {@code file}, generated there on first use with a warning. */
  private static byte[] readOrCreateKeyFile(Path file) {
    SecretFile.Content content =
        SecretFile.readOrCreate(
            file, "the encryption key file", () -> Base64.getEncoder().encodeToString(randomKey()));
    Path shown = file.toAbsolutePath().normalize();
    if (content.created()) {
      LOG.warn(
          "{} is not set: generated a new encryption key into {} (owner-only). Tokens at rest can only be"
              + " read with this file: back it up, or set {} (base64 of 32 bytes) in production.",
          KEY_VARIABLE,
          shown,
          KEY_VARIABLE);
    } else {
      LOG.info("{} is not set: using the encryption key in {}.", KEY_VARIABLE, shown);
    }
    return decode(content.value(), "The encryption key file " + file);
  }
}
