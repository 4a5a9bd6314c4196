package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeysTest {
  @TempDir Path dataDirectory;

  @Test
  void uses_the_configured_key_and_old_keys() {
    byte[] current = TestKeys.key();
    byte[] old1 = TestKeys.key();
    byte[] old2 = TestKeys.key();

    EncryptionKeys keys =
        EncryptionKeys.load(
            " " + TestKeys.base64(current) + "\n",
            TestKeys.base64(old1) + ", " + Base64.getUrlEncoder().encodeToString(old2),
            dataDirectory);

    assertThat(keys.currentKeyId()).isEqualTo(EncryptionKeys.idOf(current));
    assertThat(keys.keyIds())
        .containsExactly(
            EncryptionKeys.idOf(current), EncryptionKeys.idOf(old1), EncryptionKeys.idOf(old2));
    assertThat(dataDirectory.resolve("encryption.key")).doesNotExist();
  }

  @Test
  void refuses_a_key_that_is_not_base64_naming_the_setting_but_not_the_value() {
    assertThatThrownBy(() -> EncryptionKeys.load("not*base64*value", null, dataDirectory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INTEGRATIONS_ENCRYPTION_KEY")
        .hasMessageContaining("base64")
        .hasMessageNotContaining("not*base64*value");
  }

  @Test
  void refuses_a_key_of_the_wrong_length() {
    String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> EncryptionKeys.load(sixteenBytes, null, dataDirectory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INTEGRATIONS_ENCRYPTION_KEY")
        .hasMessageContaining("32 bytes")
        .hasMessageContaining("16 bytes");
  }

  @Test
  void refuses_a_bad_old_key_naming_its_setting_and_position() {
    String good = TestKeys.base64(TestKeys.key());

    assertThatThrownBy(() -> EncryptionKeys.load(good, good + ",AAAA", dataDirectory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INTEGRATIONS_ENCRYPTION_OLD_KEYS (entry 2)");
  }

  @Test
  void generates_a_key_once_into_an_owner_only_file_with_a_warning() {
    String log = capturingStandardError(() -> EncryptionKeys.load(null, null, dataDirectory));
    Path file = dataDirectory.resolve("encryption.key");

    assertThat(file).exists();
    assertThat(log)
        .contains("WARN")
        .contains("INTEGRATIONS_ENCRYPTION_KEY")
        .contains(file.toString());
    String first = EncryptionKeys.load("", null, dataDirectory).currentKeyId();
    String second = EncryptionKeys.load(null, "", dataDirectory).currentKeyId();
    assertThat(second).isEqualTo(first);
    assertThat(log).doesNotContain(readKey(file));
  }

  @Test
  void the_generated_key_file_is_readable_by_its_owner_only() throws Exception {
    EncryptionKeys.load(null, null, dataDirectory.resolve("data"));

    Path file = dataDirectory.resolve("data").resolve("encryption.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(Base64.getDecoder().decode(readKey(file))).hasSize(32);
  }

  @Test
  void concurrent_first_loads_agree_on_one_key() throws Exception {
    int loaders = 8;
    ExecutorService pool = Executors.newFixedThreadPool(loaders);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < loaders; i++) {
        ids.add(
            pool.submit(
                () -> {
                  start.await();
                  return EncryptionKeys.load(null, null, dataDirectory).currentKeyId();
                }));
      }
      start.countDown();
      Set<String> distinct = new HashSet<>();
      for (Future<String> id : ids) {
        distinct.add(id.get(30, TimeUnit.SECONDS));
      }
      assertThat(distinct).hasSize(1);
      try (var files = Files.list(dataDirectory)) {
        assertThat(files)
            .extracting(p -> p.getFileName().toString())
            .containsExactly("encryption.key");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void generate_makes_a_value_the_loader_accepts() {
    String value = EncryptionKeys.generate();

    assertThat(EncryptionKeys.load(value, null, dataDirectory).keyIds()).hasSize(1);
  }

  @Test
  void never_shows_a_key_in_to_string() {
    byte[] key = TestKeys.key();

    assertThat(EncryptionKeys.of(key, List.of()).toString())
        .contains(EncryptionKeys.idOf(key))
        .doesNotContain(TestKeys.base64(key));
  }

  private static String readKey(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String capturingStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generates_random_32_byte_keys() {
    byte[] first = Base64.getDecoder().decode(EncryptionKeys.generate());
    byte[] second = Base64.getDecoder().decode(EncryptionKeys.generate());

    assertThat(first).hasSize(32).isNotEqualTo(new byte[32]);
    assertThat(second).hasSize(32).isNotEqualTo(first);
  }

  @Test
  void raw_keys_must_be_32_bytes_each() {
    byte[] good = new byte[32];

    assertThatThrownBy(() -> EncryptionKeys.of(new byte[16], List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the current key must be exactly 32 bytes (AES-256), base64-encoded; it has 16 bytes.");
    assertThatThrownBy(() -> EncryptionKeys.of(good, List.of(good, new byte[33])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an old key must be exactly 32 bytes (AES-256), base64-encoded; it has 33 bytes.");
    assertThat(EncryptionKeys.of(good, List.of(good)).keyIds())
        .containsExactly(EncryptionKeys.idOf(good));
  }
}
