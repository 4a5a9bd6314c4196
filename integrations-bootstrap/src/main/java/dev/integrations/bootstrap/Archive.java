package dev.integrations.bootstrap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Secret;
import dev.integrations.core.port.TokenCipher;
import dev.integrations.persistence.AesGcmTokenCipher;
import dev.integrations.persistence.DataTransfer;
import dev.integrations.persistence.EncryptionKeys;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The export archive: JSON lines, a header first (format, PBKDF2 salt and iterations, and a check
 * value that only the right passphrase opens), then one line per row ({@code {"table", "row"}}),
 * then the row counts. Every sealed value is sealed again with AES-256-GCM under a key derived from
 * the passphrase, bound to its row as in the database, so the file holds no token in plain text and
 * no value can be moved to another row. Written owner-only, to a temporary file renamed into place
 * when complete.
 */
final class Archive {
  static final String FORMAT = "integrations-archive";
  private static final int VERSION = 1;
  private static final int ITERATIONS = EncryptionKeys.MIN_PASSPHRASE_ITERATIONS;
  private static final String CHECK_PLACE = "archive.check";
  private static final String CHECK_TEXT = "integrations archive passphrase check";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Archive() {}

  /** Writes every row of {@code source} to {@code file}; returns the rows per table. */
  static Map<String, Long> write(DataTransfer source, Path file, char[] passphrase) {
    if (Files.exists(file)) {
      throw new InvalidRequestException(
          file + " exists already; choose another file or remove it first.");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    TokenCipher cipher = cipher(passphrase, salt, ITERATIONS);
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path temp = Files.createTempFile(dir, ".integrations-export-", ".part");
      try {
        restrict(temp);
        Map<String, Long> counts;
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
          ObjectNode header =
              JSON.createObjectNode()
                  .put("format", FORMAT)
                  .put("version", VERSION)
                  .put("kdf", "PBKDF2WithHmacSHA256")
                  .put("iterations", ITERATIONS)
                  .put("salt", Base64.getEncoder().encodeToString(salt))
                  .put("check", cipher.seal(Secret.of(CHECK_TEXT), CHECK_PLACE));
          line(out, header);
          counts =
              source.read(
                  cipher,
                  (table, row) -> {
                    ObjectNode node = JSON.createObjectNode().put("table", table);
                    node.set("row", JSON.valueToTree(row));
                    line(out, node);
                  });
          ObjectNode end = JSON.createObjectNode();
          end.set("counts", JSON.valueToTree(counts));
          line(out, end);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        return counts;
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (FileAlreadyExistsException e) {
      throw new InvalidRequestException(
          file + " exists already; choose another file or remove it first.");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code file} into {@code target}, replacing what it holds when {@code replace} (one
   * transaction, committed only when every row was read, opened and counted); returns the rows per
   * table.
   *
   * @throws InvalidRequestException when the file is not an archive, the passphrase does not open
   *     it, or it is truncated; nothing is imported then
   */
  static Map<String, Long> read(
      Path file, char[] passphrase, DataTransfer target, boolean replace) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      TokenCipher cipher = open(in.readLine(), passphrase);
      try (DataTransfer.Writer writer = target.writer(cipher, replace)) {
        Map<String, Long> declared = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          JsonNode node = JSON.readTree(line);
          if (node.has("counts")) {
            declared =
                new TreeMap<>(
                    JSON.convertValue(
                        node.get("counts"), new TypeReference<Map<String, Long>>() {}));
            break;
          }
          Map<String, String> row =
              JSON.convertValue(
                  node.get("row"), new TypeReference<LinkedHashMap<String, String>>() {});
          writer.row(node.get("table").asText(), row);
        }
        Map<String, Long> read = new TreeMap<>(writer.written());
        declared = declared == null ? null : without0(declared);
        if (declared == null || !declared.equals(read)) {
          throw new InvalidRequestException(
              file
                  + " is incomplete (it ends before its row counts, or they differ); nothing was imported.");
        }
        return writer.commit();
      }
    } catch (NoSuchFileException e) {
      throw new InvalidRequestException("No such file: " + file);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidRequestException(
          file
              + " is not a readable archive ("
              + e.getOriginalMessage()
              + "); nothing was imported.");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Long> without0(Map<String, Long> counts) {
    Map<String, Long> out = new TreeMap<>(counts);
    out.values().removeIf(n -> n == 0);
    return out;
  }

  /** The archive's cipher, once the header's check value opens with the passphrase. */
  private static TokenCipher open(String headerLine, char[] passphrase) throws IOException {
    JsonNode header = headerLine == null ? null : JSON.readTree(headerLine);
    if (header == null
        || !FORMAT.equals(header.path("format").asText())
        || header.path("version").asInt() != VERSION) {
      throw new InvalidRequestException(
          "This file is not an integrations archive (version " + VERSION + ").");
    }
    TokenCipher cipher =
        cipher(
            passphrase,
            Base64.getDecoder().decode(header.path("salt").asText()),
            header.path("iterations").asInt());
    try {
      cipher.open(header.path("check").asText(), CHECK_PLACE);
    } catch (StorageException wrongKey) {
      throw new InvalidRequestException(
          "The passphrase does not open this archive; nothing was imported.");
    }
    return cipher;
  }

  private static TokenCipher cipher(char[] passphrase, byte[] salt, int iterations) {
    try {
      return new AesGcmTokenCipher(EncryptionKeys.fromPassphrase(passphrase, salt, iterations));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }

  private static void line(BufferedWriter out, JsonNode node) {
    try {
      out.write(JSON.writeValueAsString(node));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits its directory's ACL
    }
  }
}
