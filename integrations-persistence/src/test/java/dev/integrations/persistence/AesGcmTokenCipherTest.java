package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Secret;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmTokenCipherTest {
  private static final String PLACE = "credentials.access_token\u0000ann\u0000gmail";
  private final byte[] key = TestKeys.key();
  private final AesGcmTokenCipher cipher = new AesGcmTokenCipher(EncryptionKeys.of(key, List.of()));

  @Test
  void opens_what_it_sealed() {
    String sealed = cipher.seal(Secret.of("ya29.token-é✓"), PLACE);

    assertThat(cipher.open(sealed, PLACE).reveal()).isEqualTo("ya29.token-é✓");
  }

  @Test
  void writes_the_format_version_and_the_key_id_and_no_plaintext() {
    String sealed = cipher.seal(Secret.of("ya29.token"), PLACE);

    assertThat(sealed).startsWith("v1:" + EncryptionKeys.idOf(key) + ":");
    assertThat(EncryptionKeys.idOf(key)).matches("[0-9a-f]{8}");
    assertThat(sealed).doesNotContain("ya29");
  }

  @Test
  void uses_a_fresh_nonce_for_every_value() {
    String first = cipher.seal(Secret.of("same"), PLACE);
    String second = cipher.seal(Secret.of("same"), PLACE);

    assertThat(first).isNotEqualTo(second);
    assertThat(nonceOf(first)).isNotEqualTo(nonceOf(second));
  }

  @Test
  void refuses_a_value_with_any_bit_flipped() {
    String sealed = cipher.seal(Secret.of("ya29.token"), PLACE);
    byte[] data = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
    for (int bit = 0; bit < data.length * 8; bit += 7) {
      byte[] tampered = data.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      String altered =
          sealed.substring(0, sealed.lastIndexOf(':') + 1)
              + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

      assertThatThrownBy(() -> cipher.open(altered, PLACE))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("integrity check");
    }
  }

  @Test
  void refuses_a_value_opened_for_another_place() {
    String sealed = cipher.seal(Secret.of("ya29.token"), PLACE);

    assertThatThrownBy(() -> cipher.open(sealed, "credentials.access_token\u0000bob\u0000gmail"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("moved from another row")
        .hasMessageNotContaining("ya29");
    assertThatThrownBy(() -> cipher.open(sealed, "credentials.refresh_token\u0000ann\u0000gmail"))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void opens_values_sealed_with_an_old_key_and_seals_new_ones_with_the_current_key() {
    String sealedWithOld = cipher.seal(Secret.of("old-token"), PLACE);
    byte[] newKey = TestKeys.key();
    AesGcmTokenCipher rotated = new AesGcmTokenCipher(EncryptionKeys.of(newKey, List.of(key)));

    assertThat(rotated.open(sealedWithOld, PLACE).reveal()).isEqualTo("old-token");
    assertThat(rotated.seal(Secret.of("new-token"), PLACE))
        .startsWith("v1:" + EncryptionKeys.idOf(newKey) + ":");
  }

  @Test
  void names_an_unknown_key_id_and_the_settings_that_add_keys() {
    String sealed = cipher.seal(Secret.of("ya29.token"), PLACE);
    AesGcmTokenCipher other = TestKeys.cipher();

    assertThatThrownBy(() -> other.open(sealed, PLACE))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("key " + EncryptionKeys.idOf(key))
        .hasMessageContaining("INTEGRATIONS_ENCRYPTION_OLD_KEYS");
  }

  @Test
  void refuses_values_that_are_not_sealed_values_and_says_why() {
    String format = "A stored secret is not in the expected format (v1:<key id>:<data>).";
    String prefix = "v1:" + EncryptionKeys.idOf(key) + ":";
    for (String junk : List.of("", "plain", "v2:abcd:AAAA")) {
      assertThatThrownBy(() -> cipher.open(junk, PLACE))
          .as(junk)
          .isInstanceOf(StorageException.class)
          .hasMessage(format);
    }
    assertThatThrownBy(() -> cipher.open(prefix + "!!!", PLACE))
        .isInstanceOf(StorageException.class)
        .hasMessage("A stored secret is not valid base64url.");
    // The shortest sealed value is a 12-byte nonce and a 16-byte tag (an empty plaintext): one byte
    // less is
    // too short to try; exactly that many is tried, and fails its tag.
    assertThatThrownBy(() -> cipher.open(prefix + base64url(27), PLACE))
        .isInstanceOf(StorageException.class)
        .hasMessage("A stored secret is too short to be a sealed value.");
    assertThatThrownBy(() -> cipher.open(prefix + base64url(28), PLACE))
        .isInstanceOf(StorageException.class)
        .hasMessage(
            "A stored secret failed its integrity check: it was altered, or moved from another row.");
  }

  private static String base64url(int bytes) {
    byte[] data = new byte[bytes];
    new java.util.Random(bytes).nextBytes(data);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }

  @Test
  void never_shows_a_key_in_to_string() {
    assertThat(cipher.toString())
        .contains(EncryptionKeys.idOf(key))
        .doesNotContain(Base64.getEncoder().encodeToString(key));
  }

  private static String nonceOf(String sealed) {
    byte[] data = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(data, 12));
  }
}
