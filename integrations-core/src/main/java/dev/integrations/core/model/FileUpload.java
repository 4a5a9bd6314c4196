package dev.integrations.core.model;

import dev.integrations.core.error.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to upload, read as a stream so that it never has to fit in memory.
 *
 * @param name the file name at the provider
 * @param mimeType its media type, or null to let the provider guess
 * @param parentId the folder to put it in, or null for the root
 * @param size its length in bytes, or -1 when unknown
 * @param content opens the bytes; may be called again when an upload is retried from the start
 */
public record FileUpload(
    String name, String mimeType, String parentId, long size, Content content) {

  /** Opens the bytes of an upload. */
  @FunctionalInterface
  public interface Content {
    /** A new stream over the whole content, from its first byte; the caller closes it. */
    InputStream open() throws IOException;
  }

  /** Requires a single-line name, a size of -1 or more, and the content. */
  public FileUpload {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException("A file name is required.");
    }
    if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
      throw new InvalidRequestException("A file name must not contain line breaks.");
    }
    if (size < -1) {
      throw new InvalidRequestException("A file size cannot be negative.");
    }
    Objects.requireNonNull(content, "content");
  }

  /** An upload of a file on disk, named after it. */
  public static FileUpload of(Path path, String mimeType, String parentId) throws IOException {
    return new FileUpload(
        path.getFileName().toString(),
        mimeType,
        parentId,
        Files.size(path),
        () -> Files.newInputStream(path));
  }
}
