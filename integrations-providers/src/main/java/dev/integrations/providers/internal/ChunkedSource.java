package dev.integrations.providers.internal;

import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.model.FileUpload;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The content of an upload, read chunk by chunk into one buffer, so that an upload holds one chunk
 * in memory whatever the file's size. A chunk may be asked for at any offset: the next one is read
 * on, a resumed one (the provider confirmed less or more than was sent) is served from the buffer
 * where it can, and an earlier one reopens the content ({@link FileUpload.Content#open()} may be
 * called again). Local read failures are the caller's problem, reported as {@link
 * InvalidRequestException}s.
 *
 * <p>Used by one upload on one thread; not thread-safe.
 */
public final class ChunkedSource implements AutoCloseable {
  private final FileUpload.Content content;
  private final byte[] buffer;
  private InputStream in;
  private long bufferStart;
  private int bufferLength;

  /** Chunks of at most {@code chunkSize} bytes of {@code content}. */
  public ChunkedSource(FileUpload.Content content, int chunkSize) {
    this.content = content;
    this.buffer = new byte[chunkSize];
  }

  /**
   * Chunks of {@code upload}'s content: of {@code chunkSize} bytes, or of its whole size when that
   * is known and smaller (a small file does not cost a whole chunk of memory).
   */
  public static ChunkedSource of(FileUpload upload, int chunkSize) {
    int size =
        upload.size() >= 0 ? (int) Math.max(1, Math.min(chunkSize, upload.size())) : chunkSize;
    return new ChunkedSource(upload.content(), size);
  }

  /**
   * The bytes of one chunk.
   *
   * @param offset where in the file the chunk starts
   * @param length how many bytes it has: the chunk size, less only at the end of the content
   */
  public record Chunk(long offset, byte[] bytes, int length) {
    /** The offset just past this chunk. */
    public long end() {
      return offset + length;
    }

    /** The chunk as a repeatable request body. */
    public RequestBody body(MediaType type) {
      return body(type, length);
    }

    /** The chunk's first {@code count} bytes as a repeatable request body. */
    public RequestBody body(MediaType type, int count) {
      if (count < 0 || count > length) {
        throw new IllegalArgumentException(
            "a chunk of " + length + " bytes has no " + count + " first bytes");
      }
      return RequestBody.create(bytes, type, 0, count);
    }
  }

  /**
   * The chunk that starts at {@code offset}: up to the chunk size, empty at the end of the content.
   */
  public Chunk at(long offset) {
    try {
      long bufferEnd = bufferStart + bufferLength;
      if (in == null || offset < bufferStart) {
        reopen();
        skip(offset);
        fill(0);
      } else if (offset > bufferEnd) {
        skip(offset - bufferEnd);
        fill(0);
      } else if (offset != bufferStart || bufferLength < buffer.length) {
        int kept = (int) (bufferEnd - offset);
        System.arraycopy(buffer, (int) (offset - bufferStart), buffer, 0, kept);
        fill(kept);
      }
      bufferStart = offset;
      return new Chunk(offset, buffer, bufferLength);
    } catch (IOException e) {
      throw new InvalidRequestException(
          "The file to upload could not be read (" + e.getClass().getSimpleName() + ").");
    }
  }

  private void reopen() throws IOException {
    close();
    in = content.open();
    bufferLength = 0;
    bufferStart = 0;
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          return;
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /**
   * Fills the buffer after its first {@code kept} bytes, up to its size or the end of the content.
   */
  private void fill(int kept) throws IOException {
    bufferLength = kept + in.readNBytes(buffer, kept, buffer.length - kept);
  }

  @Override
  public void close() {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // nothing was written through it
      }
      in = null;
    }
  }
}
