package dev.integrations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.integrations.core.error.StorageException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file serves one process at a time; a second process (a CLI command while {@code serve}
 * runs) is told so in words it can act on, not "could not bring the schema up to date".
 */
class H2FileInUseTest {
  @TempDir Path directory;

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_second_process_on_the_same_h2_file_is_told_who_holds_it() throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("integrations").toAbsolutePath();
    byte[] key = TestKeys.key();
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2HolderChild.class.getName(),
                url,
                TestKeys.base64(key))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("OPEN");
      AesGcmTokenCipher cipher = new AesGcmTokenCipher(EncryptionKeys.of(key, List.of()));

      assertThatThrownBy(() -> JdbiStores.open(url, "", "", cipher).close())
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("open in another process")
          .hasMessageContaining("INTEGRATIONS_DB_URL");
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(20, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
  }

  /** Opens the stores on the URL in args[0], prints OPEN, and holds them until stdin closes. */
  static final class H2HolderChild {
    public static void main(String[] args) throws Exception {
      AesGcmTokenCipher cipher =
          new AesGcmTokenCipher(
              EncryptionKeys.of(java.util.Base64.getDecoder().decode(args[1]), List.of()));
      try (JdbiStores stores = JdbiStores.open(args[0], "", "", cipher)) {
        System.out.println("OPEN");
        System.out.flush();
        while (System.in.read() >= 0) {
          // hold the file until the parent closes our stdin
        }
      }
    }
  }
}
