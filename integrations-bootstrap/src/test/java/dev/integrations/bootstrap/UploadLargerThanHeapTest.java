package dev.integrations.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.testing.providers.StoredFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload larger than the uploading process's whole heap, to OneDrive and to Dropbox: a separate
 * JVM with {@value #HEAP} of heap ({@link UploadChild}) uploads {@value #SIZE_MIB} MiB to each
 * through the library, so that holding the file, or even a fraction of it beyond one chunk, would
 * fail with an OutOfMemoryError. The stand-ins in this process keep digests, not bytes.
 */
class UploadLargerThanHeapTest {
  static final String HEAP = "-Xmx64m";
  static final long SIZE_MIB = 96;

  @TempDir Path dir;

  @Test
  void a_file_larger_than_the_heap_streams_to_onedrive_and_to_dropbox() throws Exception {
    long size = SIZE_MIB * 1024 * 1024 + 7;
    Map<String, String> env;
    StandInWiring library = new StandInWiring(dir, Map.of());
    try {
      library.connect("heap-ann", "onedrive", library.microsoft);
      library.connect("heap-ann", "dropbox", library.dropbox);
      env = library.env;
      library.wiring.close(); // the child opens the same database

      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  HEAP,
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  UploadChild.class.getName(),
                  "heap-ann:onedrive:" + size,
                  "heap-ann:dropbox:" + size)
              .redirectError(dir.resolve("child.log").toFile());
      builder.environment().remove(ConfigSource.CONFIG_FILE_KEY);
      builder.environment().putAll(env);
      Process child = builder.start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(child.exitValue()).as(output + log()).isZero();
      assertThat(output.lines().toList())
          .containsExactly(
              "UPLOADED onedrive " + size + " " + size, "UPLOADED dropbox " + size + " " + size);
      String sha256 = GeneratedContent.sha256(size);
      for (List<StoredFile> files :
          List.of(library.microsoft.files("heap-ann"), library.dropbox.files("heap-ann"))) {
        assertThat(files)
            .singleElement()
            .satisfies(
                file -> {
                  assertThat(file.size()).isEqualTo(size);
                  assertThat(file.sha256()).isEqualTo(sha256);
                });
      }
    } finally {
      library.microsoft.close();
      library.dropbox.close();
    }
  }

  private String log() throws IOException {
    Path log = dir.resolve("child.log");
    return Files.exists(log) ? "\n" + Files.readString(log) : "";
  }
}
