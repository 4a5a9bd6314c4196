package dev.integrations.cli;

import dev.integrations.core.model.UploadProgress;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body of small text fields and one streamed file part, as {@code
 * POST /api/integrations/google_drive/files} takes it: its length is known up front, and the file
 * is read as it is sent, reporting the bytes sent.
 */
final class Multipart {
  private final String boundary = "integrations-" + UUID.randomUUID();
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Path file;
  private final String fileName;
  private final String fileType;
  private final long fileSize;

  Multipart(Path file, String fileName, String fileType) throws IOException {
    this.file = file;
    this.fileName = fileName;
    this.fileType = fileType == null ? "application/octet-stream" : fileType;
    this.fileSize = Files.size(file);
  }

  /** Adds a text field, unless {@code value} is null. */
  Multipart field(String name, String value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  long length() {
    return head().length + fileSize + tail().length;
  }

  /**
   * A new stream of the whole body; {@code progress} hears of the file's bytes as they are read.
   */
  InputStream open(UploadProgress progress) {
    try {
      InputStream counted = new Counting(Files.newInputStream(file), fileSize, progress);
      return new SequenceInputStream(
          Collections.enumeration(
              List.of(
                  new ByteArrayInputStream(head()), counted, new ByteArrayInputStream(tail()))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] head() {
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (name, value) ->
            head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
        .append(quoted(fileName))
        .append("\"\r\n")
        .append("Content-Type: ")
        .append(fileType)
        .append("\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] tail() {
    return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String name) {
    return name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ").replace("\n", " ");
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private final long total;
    private final UploadProgress progress;
    private long read;

    Counting(InputStream in, long total, UploadProgress progress) {
      super(in);
      this.total = total;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.onProgress(++read, total);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        read += n;
        progress.onProgress(read, total);
      }
      return n;
    }
  }
}
