package dev.integrations.providers.google.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The local content of an upload could not be read: the caller's problem, not Google's, so it is
 * neither retried nor reported as a provider failure.
 */
public final class UploadSourceException extends IOException {
  private static final long serialVersionUID = 1L;

  UploadSourceException(IOException cause) {
    super(
        "The file to upload could not be read (" + cause.getClass().getSimpleName() + ").", cause);
  }

  /** {@code in}, with its read failures reported as {@link UploadSourceException}s. */
  public static InputStream guard(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw new UploadSourceException(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw new UploadSourceException(e);
        }
      }

      @Override
      public long skip(long n) throws IOException {
        try {
          return super.skip(n);
        } catch (IOException e) {
          throw new UploadSourceException(e);
        }
      }
    };
  }
}
